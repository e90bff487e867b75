using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.Triage.Domain;
using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.UnitTests.Triage;

public class SlaPolicyTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("critical", 4)]
    [InlineData("high", 24)]
    [InlineData("medium", 72)]
    [InlineData("low", 168)]
    [InlineData(null, 24)]
    public void The_default_deadline_is_received_plus_the_sla_of_the_severity(string? severity, int hours)
    {
        var sla = new SlaPolicy(new SlaOptions(), new ManualClock(ReceivedAt));
        var report = ReportWorkflowTests.NewReport(Triaging, severity) with { ReceivedAt = ReceivedAt };
        Assert.Equal(ReceivedAt.AddHours(hours), sla.Deadline(report));
    }

    [Fact]
    public void A_report_is_overdue_only_after_its_deadline_and_while_open_for_triage()
    {
        var clock = new ManualClock(ReceivedAt);
        var sla = new SlaPolicy(new SlaOptions(), clock);
        var report = ReportWorkflowTests.NewReport(Received, "critical") with { ReceivedAt = ReceivedAt };

        clock.Now = ReceivedAt.AddHours(4);
        Assert.False(sla.IsOverdue(report));
        clock.Now = ReceivedAt.AddHours(4).AddMilliseconds(1);
        foreach (var status in All)
        {
            Assert.Equal(status is Received or Triaging or NeedsInfo, sla.IsOverdue(report with { Status = status }));
        }
    }

    [Fact]
    public void Each_severity_is_configurable()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SafetyReports:Triage:Sla:Critical"] = "00:30:00",
            ["SafetyReports:Triage:Sla:High"] = "02:00:00",
            ["SafetyReports:Triage:Sla:Medium"] = "1.00:00:00",
            ["SafetyReports:Triage:Sla:Low"] = "14.00:00:00",
            ["SafetyReports:Triage:Sla:Unassessed"] = "08:00:00",
        }).Build();
        var options = Bound(configuration);
        Assert.Equal(
            [TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(1), TimeSpan.FromDays(14), TimeSpan.FromHours(8)],
            new[] { "critical", "high", "medium", "low", null }.Select(options.For));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-01:00:00")]
    public void A_non_positive_sla_is_refused_at_start(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SafetyReports:Triage:Sla:High"] = value }).Build();
        Assert.Contains("SafetyReports:Triage:Sla:High", Assert.Throws<OptionsValidationException>(() => Bound(configuration)).Message);
    }

    /// <summary>As the Triage module registers them: bound from their section and validated.</summary>
    private static SlaOptions Bound(IConfiguration configuration) =>
        new ServiceCollection()
            .AddValidatedOptionsValue<SlaOptions, SlaOptionsValidator>(configuration, SlaOptions.Section).Services
            .BuildServiceProvider()
            .GetRequiredService<SlaOptions>();
}
