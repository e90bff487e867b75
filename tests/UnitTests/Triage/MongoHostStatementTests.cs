using System.Text.Json;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Triage;

public sealed class MongoHostStatementTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_report_round_trips_with_the_hosts_response()
    {
        var report = new Report
        {
            Id = Guid.NewGuid(),
            Status = ReportStatuses.Acknowledged,
            Version = 7,
            Model = new ModelReference("huggingface", "org/model"),
            Category = "hate",
            Title = "Title",
            Description = "Description",
            ReceivedAt = At,
            UpdatedAt = At.AddHours(3),
            AcknowledgedAt = At.AddHours(1),
            RespondedAt = At.AddHours(2),
            HostResponse = new HostStatement(2, "restricted", "EU", At.AddDays(30), "ToS §4", true, "note", At.AddHours(3)),
        };

        var (bson, back) = RoundTrip(MongoReportDocument.From(report));

        AssertDate(At.AddHours(2), bson["respondedAt"]);
        Assert.Equal(2, bson["hostResponse"]["revision"].AsInt32);
        Assert.Equal("restricted", bson["hostResponse"]["action"].AsString);
        AssertDate(At.AddDays(30), bson["hostResponse"]["until"]);
        Assert.Equal(JsonSerializer.Serialize(report), JsonSerializer.Serialize(back.ToReport()));
    }

    [Fact]
    public void A_report_without_a_response_keeps_it_null()
    {
        var report = new Report
        {
            Id = Guid.NewGuid(), Status = ReportStatuses.Triaged, Version = 3, Model = new ModelReference("hub", "org/model"),
            Category = "hate", Title = "T", Description = "D", ReceivedAt = At, UpdatedAt = At,
        };

        var back = RoundTrip(MongoReportDocument.From(report)).Back.ToReport();

        Assert.Null(back.RespondedAt);
        Assert.Null(back.HostResponse);
    }
}
