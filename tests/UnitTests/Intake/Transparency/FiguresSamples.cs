using SafetyReports.Intake.Transparency;

namespace SafetyReports.UnitTests.Intake.Transparency;

/// <summary>Published figures as Triage would send them, for the page's view-model and chart tests.</summary>
internal static class FiguresSamples
{
    public static PublishedGroup Group(
        string host,
        long? reports = 12,
        long? medianAck = 3600,
        long? p90Ack = 7200,
        double? share = 0.75,
        IReadOnlyDictionary<string, long?>? byCategory = null,
        string? model = null,
        long? ackCount = 8,
        long? responded = 10,
        long? contested = 5,
        double? contestedShare = 0.5) => new(
        host,
        model,
        reports,
        reports,
        new Dictionary<string, long?> { ["received"] = 0, ["triaged"] = null, ["acknowledged"] = 7 },
        byCategory ?? new Dictionary<string, long?> { ["hate"] = 7, ["privacy"] = null },
        new Dictionary<string, long?> { ["removed"] = 5 },
        0,
        new PublishedResponseTime(12, 600, 1200),
        new PublishedResponseTime(0, null, null),
        new PublishedResponseTime(ackCount, medianAck, p90Ack),
        new PublishedResponseTime(null, null, null),
        new PublishedAcknowledgement(10, 6, null, null, 0, share),
        null,
        new Dictionary<string, long?> { ["under7Days"] = null },
        responded,
        contested,
        contestedShare);

    public static PublishedFigures Figures(params PublishedGroup[] groups) =>
        new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero), "2026-01", "2026-03", 5, 259_200, new PublishedAuditPoint(42, new string('a', 64)), groups);
}
