using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class ClosedAtBackfillTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static Report Report(string status, DateTimeOffset? closedAt = null) => new()
    {
        Id = Guid.NewGuid(), Status = status, Version = 4, Model = new ModelReference("hub", "org/m"), Category = "hate", Title = "t",
        Description = "d", ReceivedAt = At, UpdatedAt = At.AddDays(9), ClosedAt = closedAt,
    };

    private static AuditEntry Entry(double days, string action, string data) => new(1, Guid.Empty, At.AddDays(days), "ana", action, data, "p", "h");

    [Fact]
    public void Only_closed_reports_without_a_close_time_need_one()
    {
        Assert.True(ClosedAtBackfill.Needs(Report(ReportStatuses.Duplicate)));
        Assert.False(ClosedAtBackfill.Needs(Report(ReportStatuses.Triaged)));
        Assert.False(ClosedAtBackfill.Needs(Report(ReportStatuses.Resolved, At.AddDays(2))));
    }

    [Fact]
    public void The_close_time_is_the_last_move_into_a_closed_status_else_the_last_update()
    {
        var entries = new[]
        {
            Entry(1, "transition", """{"from":"received","to":"rejected"}"""),
            Entry(2, "transition", """{"from":"rejected","to":"triaging"}"""),
            Entry(3, "transition", """{"from":"triaging","to":"resolved"}"""),
            Entry(4, "note", """{"text":"to: resolved"}"""),
            Entry(5, "note", "not json"),
        };
        Assert.Equal(At.AddDays(3), ClosedAtBackfill.CloseTime(Report(ReportStatuses.Resolved), entries));
        Assert.Equal(At.AddDays(9), ClosedAtBackfill.CloseTime(Report(ReportStatuses.Resolved), []));
    }
}
