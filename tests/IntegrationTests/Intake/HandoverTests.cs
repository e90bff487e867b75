using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafetyReports.Contracts;
using SafetyReports.Intake;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Storage;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Storage;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// Intake's hand-over loop on a real SQLite store and MassTransit's test harness: a submission whose stored payload
/// cannot be read is set aside, counted and logged, and the submissions after it are published; every copy carries a
/// time-to-live in step with the retry schedule.
/// </summary>
public sealed class HandoverTests : IAsyncDisposable
{
    private readonly TempSqliteFile _file = new(SubmissionStoreFactory.SqliteFileName);
    private readonly SqliteSubmissionStore _store;

    public HandoverTests()
    {
        _store = new SqliteSubmissionStore(_file.Path);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _file.Dispose();
    }

    private static Submission NewSubmission(string title)
    {
        var id = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        return new Submission(id, at, "token-hash",
            new ReportSubmitted(id, at, new ModelReference("hub", "org/model"), "violent-crimes", "high", title, "What happened.", [], null, false));
    }

    [Fact]
    public async Task A_submission_that_cannot_be_read_is_set_aside_and_the_ones_after_it_are_handed_over()
    {
        var ct = TestContext.Current.CancellationToken;
        var unreadable = NewSubmission("Damaged on disk");
        var after = Enumerable.Range(0, 3).Select(i => NewSubmission($"Fine {i}")).ToList();
        foreach (var submission in after.Prepend(unreadable))
        {
            await _store.AddAsync(submission, null, ct);
        }

        await using (var connection = _file.Open())
        {
            await connection.ExecuteAsync("UPDATE submissions SET payload = '{\"reportId\": ' WHERE id = $id", null, ("$id", unreadable.Id.ToString()));
        }

        var logger = new RecordingLogger<SubmissionHandover>();
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(x => x.SetTestTimeouts(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)))
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        using var handover = new SubmissionHandover(_store, harness.Bus, new HandoverSignal(), HandoverSchedule.Default, TimeProvider.System, logger);
        await handover.StartAsync(ct);
        try
        {
            foreach (var submission in after)
            {
                Assert.True(await harness.Published.Any<ReportSubmitted>(m => m.Context.Message.ReportId == submission.Id, ct),
                    $"submission '{submission.Payload.Title}' was handed over");
            }

            await Eventually.UntilAsync(
                async () => (await _store.CountQuarantinedAsync(ct))[ISubmissionStore.QuarantinedSubmissions] == 1,
                TimeSpan.FromSeconds(30), "the unreadable submission to be set aside");
        }
        finally
        {
            await handover.StopAsync(ct);
            await harness.Stop(ct);
        }

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(unreadable.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("Damaged on disk", warning.Message, StringComparison.Ordinal);
        // Kept for an operator to repair: the receipt answers, and the row is no longer due.
        Assert.NotNull(await _store.FindReceiptAsync(unreadable.Id, ct));
        Assert.Empty((await _store.DueForHandoverAsync(DateTimeOffset.UtcNow.AddDays(1), 10, ct)).Unreadable);
    }

    [Fact]
    public async Task Every_handover_copy_is_published_with_a_time_to_live_of_about_its_retry_interval()
    {
        var ct = TestContext.Current.CancellationToken;
        var submission = NewSubmission("Sent again and again");
        await _store.AddAsync(submission, null, ct);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(x => x.SetTestTimeouts(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)))
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var schedule = HandoverSchedule.Default;
        using var handover = new SubmissionHandover(_store, harness.Bus, new HandoverSignal(), schedule, clock, new RecordingLogger<SubmissionHandover>());
        await handover.StartAsync(ct);
        try
        {
            // Triage never confirms: the copy goes out again at each retry, each one expiring in step with the schedule.
            var lives = new List<TimeSpan?>();
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                var copy = await Eventually.UntilAsync(
                    () => Task.FromResult(harness.Published.Select<ReportSubmitted>(ct).Skip(attempt - 1).FirstOrDefault()),
                    TimeSpan.FromSeconds(30), $"copy {attempt} of the submission");
                lives.Add(copy.Context.TimeToLive);
                await Eventually.UntilAsync(
                    async () => (await _store.DueForHandoverAsync(DateTimeOffset.MaxValue, 10, ct)).Due.Single().Attempts == attempt,
                    TimeSpan.FromSeconds(30), $"copy {attempt} to be recorded");
                clock.Now += schedule.MaxRetry + TimeSpan.FromSeconds(1);
            }

            Assert.Equal([schedule.TimeToLive(1), schedule.TimeToLive(2), schedule.TimeToLive(3)], lives);
            Assert.Equal(TimeSpan.FromSeconds(20), lives[0]);
        }
        finally
        {
            await handover.StopAsync(ct);
            await harness.Stop(ct);
        }
    }
}
