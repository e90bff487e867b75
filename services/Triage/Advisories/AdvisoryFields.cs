namespace SafetyReports.Triage.Advisories;

/// <summary>
/// The fields a publish request may approve. Always published: the id, the model's host and id, the category and the dates
/// (an advisory without them says nothing). Everything else only when named in <c>fields</c>.
/// </summary>
public static class AdvisoryFields
{
    public const string Severity = "severity";

    /// <summary>The model revision the report names.</summary>
    public const string ModelRevision = "modelRevision";

    /// <summary>The host's response, its structured part only (<see cref="AdvisoryHostResponse"/>).</summary>
    public const string HostResponse = "hostResponse";
    public const string Summary = "summary";
    public const string Credit = "credit";
    public const string References = "references";
    public const string Aliases = "aliases";

    public static readonly IReadOnlyList<string> All = [Severity, ModelRevision, HostResponse, Summary, Credit, References, Aliases];

    /// <summary>OSV's reference types (AVID takes any).</summary>
    public static readonly IReadOnlyList<string> ReferenceTypes =
        ["ADVISORY", "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX", "INTRODUCED", "PACKAGE", "EVIDENCE", "WEB"];

    public const string Published = "published";
    public const string Revised = "revised";
    public const string WithdrawnChange = "withdrawn";
}
