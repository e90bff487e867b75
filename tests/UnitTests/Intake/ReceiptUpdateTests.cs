using SafetyReports.Intake.Domain;

namespace SafetyReports.UnitTests.Intake;

public class ReceiptUpdateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_newer_version_moves_the_status()
    {
        var update = ReceiptUpdate.Apply("received", 1, T0, [], "triaged", 3, null, T0.AddHours(1))!;
        Assert.Equal(("triaged", 3L, T0.AddHours(1)), (update.Status, update.Version, update.UpdatedAt));
    }

    [Fact]
    public void An_older_or_repeated_version_changes_nothing()
    {
        Assert.Null(ReceiptUpdate.Apply("triaged", 3, T0, [], "triaging", 2, null, T0));
        Assert.Null(ReceiptUpdate.Apply("triaged", 3, T0, [new PublicNote(T0, "n", 3)], "triaged", 3, "n", T0));
    }

    [Fact]
    public void A_late_event_still_adds_its_public_note_once_in_version_order()
    {
        var update = ReceiptUpdate.Apply("resolved", 5, T0, [new PublicNote(T0, "fixed", 5)], "needs_info", 3, "more please", T0)!;
        Assert.Equal("resolved", update.Status);
        Assert.Equal(["more please", "fixed"], update.Notes.Select(n => n.Text));
    }

    [Fact]
    public void Handover_backs_off_to_a_ceiling()
    {
        var schedule = new HandoverSchedule(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
        Assert.Equal(T0.AddSeconds(10), schedule.NextAttempt(T0, 1));
        Assert.Equal(T0.AddSeconds(20), schedule.NextAttempt(T0, 2));
        Assert.Equal(T0.AddSeconds(40), schedule.NextAttempt(T0, 3));
        Assert.Equal(T0.AddMinutes(1), schedule.NextAttempt(T0, 4));
        Assert.Equal(T0.AddMinutes(1), schedule.NextAttempt(T0, 1000));
    }

    [Fact]
    public void Each_handover_copy_lives_about_its_retry_interval_so_one_is_always_alive_and_two_at_most_pile_up()
    {
        var schedule = new HandoverSchedule(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
        foreach (var attempts in new[] { 1, 2, 3, 4, 1000 })
        {
            var interval = schedule.NextAttempt(T0, attempts) - T0;
            Assert.Equal(interval * 2, schedule.TimeToLive(attempts));
        }

        Assert.Equal(TimeSpan.FromMinutes(4), HandoverSchedule.Default.TimeToLive(50));
    }
}
