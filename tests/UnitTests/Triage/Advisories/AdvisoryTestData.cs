using SafetyReports.Contracts;
using SafetyReports.Triage.Advisories;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage.Advisories;

internal static class AdvisoryTestData
{
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 30, 0, TimeSpan.Zero);
    public const string ReporterEmail = "reporter.secret@example.org";
    public const string ReporterName = "Rita Reporter-Secret";

    /// <summary>A resolved report whose reporter left their contact and wrote their name into every text they own.</summary>
    public static Report Resolved() => new()
    {
        Id = Guid.Parse("6f1b2c3d-0000-4000-8000-000000000001"),
        Status = ReportStatuses.Resolved,
        Version = 7,
        Model = new ModelReference("huggingface", "org/model", "abc123", "https://huggingface.co/org/model"),
        Category = "violent_crimes",
        Severity = "high",
        Title = $"Title by {ReporterName}",
        Description = $"Write to {ReporterEmail}",
        Evidence = [new EvidenceItem("prompt", $"{ReporterName} {ReporterEmail}")],
        ProtectedContact = $"{ReporterName} <{ReporterEmail}>",
        ContactAllowed = true,
        NotifyByEmail = true,
        ReceivedAt = Now.AddDays(-20),
        UpdatedAt = Now.AddDays(-1),
        TriagedAt = Now.AddDays(-19),
        ClosedAt = Now.AddDays(-1),
        HostResponse = new HostStatement(2, "removed", "global", null, $"grounds naming {ReporterName}", false, $"note {ReporterEmail}",
            Now.AddDays(-3), DecisionGround: "incompatible_with_terms", TermsReference: $"terms {ReporterName}", TerritorialScope: ["worldwide"],
            AutomatedDecision: false, Redress: $"redress {ReporterEmail}"),
    };

    public static AdvisoryRequest Everything() => new(
        AdvisoryFields.All,
        "Instructions for violent crimes given on request.",
        "Example Lab",
        [new AdvisoryReferenceRequest("WEB", "https://example.net/write-up")],
        ["CVE-2026-12345"],
        null);
}
