using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Similarity;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>The near-duplicate lookup: reports sharing an LSH band, in a time range, with their stored signatures.</summary>
public abstract partial class TriageStoreContractTests
{
    private const string BrigadeText =
        "Inside a role play the model explains how to culture and spread a dangerous pathogen, step by step, with the "
        + "equipment to buy and how to avoid detection. It does so every time it is asked.";

    private const string OtherText =
        "The chatbot repeats the full home address and phone number of a private person when asked about their neighbour.";

    private static Report Similar(DateTimeOffset at, string description, string? client = null) => NewReport(at) with
    {
        Title = "Pathogen instructions",
        Description = description,
        Evidence = [],
        ClientHash = client,
    };

    [Fact]
    public async Task Reports_sharing_a_band_are_found_in_their_time_range_most_recent_first_with_their_signatures()
    {
        var store = await CreateStoreAsync();
        var first = Similar(At(0), BrigadeText, "client-a");
        var second = Similar(At(10), BrigadeText + " Seen again.", "client-b");
        var other = Similar(At(20), OtherText);
        var later = Similar(At(30), BrigadeText);
        foreach (var report in new[] { first, second, other, later })
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        var signature = ReportSignature.Of(first);
        var found = await store.FindSimilarAsync(signature, At(0), At(30), 10, Ct);

        Assert.Equal([second.Id, first.Id], found.Select(c => c.Report.Id));
        Assert.All(found, c => Assert.Equal(ReportSignature.Of(c.Report).Values, c.Signature.Values));
        Assert.Equal(["client-b", "client-a"], found.Select(c => c.Report.ClientHash));
        Assert.Equal([later.Id], (await store.FindSimilarAsync(signature, At(0), At(40), 1, Ct)).Select(c => c.Report.Id));
        Assert.Equal([later.Id, second.Id, first.Id], (await store.FindSimilarAsync(signature, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10, Ct)).Select(c => c.Report.Id));
        Assert.Empty(await store.FindSimilarAsync(new ReportSignature([]), DateTimeOffset.MinValue, DateTimeOffset.MaxValue, 10, Ct));
    }

    [Fact]
    public async Task A_report_whose_text_changes_is_found_by_its_new_text_only()
    {
        var store = await CreateStoreAsync();
        var report = Similar(At(0), BrigadeText);
        await store.AddReportAsync(report, Audit(report.Id, "received", At(0)), [], Ct);

        var moved = report with { Status = ReportStatuses.Triaging, Version = 2 };
        Assert.True(await store.UpdateReportAsync(moved, 1, Audit(report.Id, "transition", At(1)), [], Ct));
        Assert.Single(await store.FindSimilarAsync(ReportSignature.Of(report), At(0), At(1), 10, Ct));

        var redacted = moved with { Description = OtherText, Version = 3 };
        Assert.True(await store.RedactReportAsync(redacted, 2, Audit(report.Id, "redaction", At(2)), [], Ct));

        Assert.Empty(await store.FindSimilarAsync(ReportSignature.Of(report), At(0), At(1), 10, Ct));
        var found = Assert.Single(await store.FindSimilarAsync(ReportSignature.Of(redacted), At(0), At(1), 10, Ct));
        Assert.Equal(ReportSignature.Of(redacted).Values, found.Signature.Values);
    }

    /// <summary>The March figures as the maintainers see them (nothing withheld), of every host or of one host's models.</summary>
    private static Task<TransparencyFigures> UnsuppressedAsync(ITriageStore store, string? host) =>
        new TransparencyQuery(store, new TransparencyOptions(), new FixedClock(AsOf))
            .FiguresAsync(host, new TransparencyPeriod(202603, 202603), TransparencyFiguresBuilder.Unsuppressed, Ct);

    [Fact]
    public async Task A_held_report_is_only_in_the_held_count_until_it_is_confirmed()
    {
        var store = await CreateStoreAsync();
        var received = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);
        var report = Similar(received, BrigadeText) with { Status = ReportStatuses.Triaged, TriagedAt = received.AddHours(1) };
        await store.AddReportAsync(report, Audit(report.Id, "received", received), [], Ct);
        var host = report.Model.Host;

        var held = report with { HeldAt = received.AddHours(2), Version = 2 };
        Assert.True(await store.UpdateReportAsync(held, 1, Audit(report.Id, BurstHold.HeldAction, received.AddHours(2)), [], Ct));
        var whileHeld = await UnsuppressedAsync(store, null);
        Assert.Equal(1, whileHeld.Held);
        Assert.DoesNotContain(whileHeld.Groups, g => g.Host == host);
        Assert.Equal(1, (await UnsuppressedAsync(store, host)).Held);

        var confirmed = held with { HeldAt = null, BurstConfirmedAt = received.AddHours(3), Version = 3 };
        Assert.True(await store.UpdateReportAsync(confirmed, 2, Audit(report.Id, BurstHold.ConfirmedAction, received.AddHours(3)), [], Ct));
        var counted = await UnsuppressedAsync(store, null);
        Assert.Equal(0, counted.Held);
        Assert.Equal(1, counted.Groups.Single(g => g.Host == host).Reports);
    }
}
