namespace SafetyReports.Intake.Api;

/// <summary>The JSON body of <c>POST /api/v1/reports</c>; everything nullable so the validator can name what is missing.</summary>
/// <param name="NotifyByEmail">The reporter wants e-mails about the report (needs <c>reporter.email</c>).</param>
/// <param name="Language">The language of those e-mails, a supported tag (<c>SupportedLanguages.Match</c>); absent: the request's language, else English.</param>
public sealed record ReportSubmissionRequest(
    ModelInput? Model,
    string? Category,
    string? Severity,
    string? Title,
    string? Description,
    List<EvidenceInput?>? Evidence,
    ReporterInput? Reporter,
    bool? ContactAllowed,
    bool? GoodFaith,
    bool? NotifyByEmail = null,
    string? Language = null);

/// <param name="FileDigests">The SHA-256 digests of the model's files (<c>sha256:</c> and 64 hex digits each, at most
/// <see cref="FileDigests.MaxPerModel"/>); repeats are folded.</param>
public sealed record ModelInput(string? Host, string? Id, string? Revision, string? Url, List<string?>? FileDigests = null);

public sealed record EvidenceInput(string? Kind, string? Content);

public sealed record ReporterInput(string? Name, string? Email);
