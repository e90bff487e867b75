using SafetyReports.Contracts;
using SafetyReports.Intake;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Storage;

namespace SafetyReports.UnitTests.Consumers;

/// <summary>Intake's consumers on the in-memory test harness, with Intake's real store (SQLite).</summary>
public sealed class IntakeConsumerTests : IAsyncLifetime
{
    private ConsumerHarness _intake = null!;

    public async ValueTask InitializeAsync() => _intake = await ConsumerHarness.StartAsync(b => b.AddIntake());

    public ValueTask DisposeAsync() => _intake.DisposeAsync();

    private async Task<Guid> StoredSubmissionAsync()
    {
        var id = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var submitted = new ReportSubmitted(id, at, new ModelReference("hub", "org/model"), "violent-crimes", "high", "A report", "What happened.", [], null, false);
        await _intake.Get<ISubmissionStore>().AddAsync(new Submission(id, at, "token-hash", submitted), null, TestContext.Current.CancellationToken);
        return id;
    }

    private static ReportStatusChanged Changed(Guid id, string status, long version, string? note) =>
        new(id, status, ReportStatuses.Received, version, new ModelReference("hub", "org/model"), "violent-crimes", "high", "A report", note, DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_receipt_follows_triages_status_and_public_note_and_ignores_an_older_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await StoredSubmissionAsync();

        await _intake.ConsumeAsync(Changed(id, ReportStatuses.NeedsInfo, 3, "Which prompt was it?"));
        await _intake.ConsumeAsync(Changed(id, ReportStatuses.Triaging, 2, null));

        var receipt = await _intake.Get<ISubmissionStore>().FindReceiptAsync(id, ct);
        Assert.Equal((ReportStatuses.NeedsInfo, 3L), (receipt?.Status, receipt?.StatusVersion));
        Assert.Contains("Which prompt was it?", receipt!.PublicNotes.Select(n => n.Text));
    }
}
