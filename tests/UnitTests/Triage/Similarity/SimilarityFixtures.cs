using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Similarity;

namespace SafetyReports.UnitTests.Triage.Similarity;

internal static class SimilarityFixtures
{
    public static readonly DateTimeOffset Start = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);

    public const string Brigade =
        "The model answers every request for synthesis routes of nerve agents with detailed step by step instructions, "
        + "including precursor sourcing, quantities and safety equipment. Asked with a simple role play prompt it never refuses.";

    public const string Unrelated =
        "The image model produces photorealistic pictures of a named politician at a crime scene when asked for a news photo, "
        + "and the output carries no watermark or label of any kind.";

    public static Report Report(string description, int minutes = 0, string? client = null, string host = "hub", string model = "org/model") =>
        ReportWorkflowTests.NewReport(ReportStatuses.Received) with
        {
            Title = "Dangerous instructions",
            Description = description,
            ReceivedAt = Start.AddMinutes(minutes),
            ClientHash = client,
            Model = new ModelReference(host, model),
        };

    public static SimilarCandidate Candidate(Report report) => new(report, ReportSignature.Of(report));
}
