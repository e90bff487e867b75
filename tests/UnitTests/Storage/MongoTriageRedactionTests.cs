using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

/// <summary>
/// On MongoDB a redaction replaces the whole report document (<c>RedactReportAsync</c> is the versioned
/// replace of every update), so the rendered replacement must hold the removed text nowhere: neither in the
/// fields nor in <c>searchText</c>, from which the text index is built.
/// </summary>
public sealed class MongoTriageRedactionTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_replacement_document_of_a_redacted_report_holds_the_removed_text_in_no_field()
    {
        const string typed = "Quirinal.Zebedee@example.org";
        var report = new Report
        {
            Id = Guid.NewGuid(),
            Status = ReportStatuses.Triaging,
            Version = 4,
            Model = new ModelReference("huggingface", "org/model"),
            Category = "privacy",
            Title = "Leaks addresses",
            Description = $"Write to {typed}.",
            Evidence = [new EvidenceItem("prompt", $"I am {typed}"), new EvidenceItem("output", "an address")],
            ReceivedAt = At,
            UpdatedAt = At,
        };
        Assert.Contains("quirinal", RoundTrip(MongoReportDocument.From(report)).Bson.ToString(), StringComparison.OrdinalIgnoreCase);

        var outcome = ReportRedaction.Apply(report, new RedactionRequest(typed, null, 4), "admin", At.AddHours(1));
        var (bson, back) = RoundTrip(MongoReportDocument.From(outcome.Report!));

        Assert.DoesNotContain("quirinal", bson.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("leaks addresses\nwrite to [redacted].\ni am [redacted]\nan address\norg/model", bson["searchText"].AsString);
        Assert.Equal(5L, bson["version"].AsInt64);
        Assert.Equal(outcome.Report!.Evidence, back.ToReport().Evidence);
    }
}
