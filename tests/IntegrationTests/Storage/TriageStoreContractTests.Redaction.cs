using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>A redaction is an update like any other: the removed text leaves the report, its search entry, and never enters the chain.</summary>
public abstract partial class TriageStoreContractTests
{
    [Fact]
    public async Task A_redacted_text_leaves_the_report_and_the_search_and_the_chain_still_verifies()
    {
        var store = await CreateStoreAsync();
        const string typed = "Rita.Quirinal@example.org";
        var report = NewReport(At(1)) with
        {
            Description = $"The jailbreak works; write to {typed} for the transcript.",
            Evidence = [new EvidenceItem("prompt", $"I am {typed}"), new EvidenceItem("output", "Sure, here is the jailbreak")],
        };
        var other = NewReport(At(2)) with { Description = "Another quirinal report" };
        await store.AddReportAsync(report, Audit(report.Id, "received", At(1)), [], Ct);
        await store.AddReportAsync(other, Audit(other.Id, "received", At(2)), [], Ct);
        Assert.Equal([report.Id], await SearchAsync(store, "rita"));

        var outcome = ReportRedaction.Apply(report, new RedactionRequest(typed.ToLowerInvariant(), null, report.Version), "admin@example.org", At(3));
        Assert.True(await store.RedactReportAsync(outcome.Report!, report.Version, outcome.Audit!, [], Ct));

        var stored = (await store.GetReportAsync(report.Id, Ct))!;
        Assert.Equal("The jailbreak works; write to [redacted] for the transcript.", stored.Description);
        Assert.Equal(["I am [redacted]", "Sure, here is the jailbreak"], stored.Evidence.Select(e => e.Content));
        Assert.Empty(await SearchAsync(store, "rita"));
        Assert.Equal([other.Id], await SearchAsync(store, "quirinal"));
        Assert.Equal([report.Id], await SearchAsync(store, "jailbreak transcript"));
        Assert.Equal([report.Id], await SearchAsync(store, "redacted"));

        var chain = await store.ReadAuditChainAsync(0, 100, Ct);
        Assert.True(AuditVerifier.Verify(chain).Valid);
        var entry = Assert.Single(chain, e => e.Action == ReportRedaction.Action);
        Assert.Equal(("admin@example.org", report.Id), (entry.Actor, entry.ReportId));
        Assert.DoesNotContain(chain, e => e.Data.Contains("rita", StringComparison.OrdinalIgnoreCase) || e.Data.Contains("quirinal", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<Guid[]> SearchAsync(ITriageStore store, string text) =>
        [.. (await store.ListReportsAsync(new ReportQuery(Text: text), Ct)).Items.Select(r => r.Id)];
}
