using System.Text.Json;
using MongoDB.Bson;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

/// <summary>A report's notice, contests, thread and the DSA fields of its host's statement in the MongoDB document.</summary>
public sealed class MongoTriageHostLoopDocumentTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private static Report Report() => new()
    {
        Id = Guid.NewGuid(),
        Status = ReportStatuses.Acknowledged,
        Version = 12,
        Model = new ModelReference("hub", "org/model"),
        Category = "hate",
        Severity = "high",
        Title = "t",
        Description = "d",
        Evidence = [new EvidenceItem("prompt", "p"), new EvidenceItem("output", "o")],
        ReceivedAt = At,
        UpdatedAt = At.AddDays(2),
        TriagedAt = At.AddHours(1),
        RespondedAt = At.AddDays(1),
        HostResponse = new HostStatement(2, "restricted", "EU", null, "ToS §4", true, "note", At.AddDays(1),
            DecisionGrounds.IncompatibleWithTerms, null, "ToS §4.2", ["worldwide"], true, false, "appeals@hub.example"),
        Notice = new ReportNotice(false, [1], "Look at the output.", 3, At.AddHours(5)),
        Contests =
        [
            new ReportContest(Guid.NewGuid(), "hub", 1, "reason one", At.AddHours(20), ContestStates.Closed, At.AddHours(21), "short", "note",
                At.AddHours(22), "public"),
            new ReportContest(Guid.NewGuid(), "hub", 2, "reason two", At.AddDays(1).AddHours(2), ContestStates.Open),
        ],
        HostMessages =
        [
            new HostThreadMessage(Guid.NewGuid(), HostThread.FromMaintainers, "ana@example.org", "question", At.AddHours(6)),
            new HostThreadMessage(Guid.NewGuid(), HostThread.FromHost, "host:hub", "answer", At.AddHours(7)),
        ],
    };

    [Fact]
    public void A_report_round_trips_with_its_notice_contests_thread_and_statement()
    {
        var report = Report();

        var (bson, back) = RoundTrip(MongoReportDocument.From(report));

        Assert.Equal(new BsonArray { 1 }, bson["notice"]["sharedEvidence"]);
        Assert.Equal(3, bson["notice"]["revision"].AsInt32);
        AssertDate(At.AddHours(5), bson["notice"]["changedAt"]);
        Assert.True(bson["contestOpen"].AsBoolean);
        Assert.Equal(["closed", "open"], bson["contests"].AsBsonArray.Select(c => c["state"].AsString));
        AssertUuid(report.Contests[0].Id, bson["contests"][0]["id"]);
        AssertDate(At.AddHours(21), bson["contests"][0]["forwardedAt"]);
        Assert.Equal(["maintainers", "host"], bson["hostMessages"].AsBsonArray.Select(m => m["from"].AsString));
        Assert.Equal("incompatible_with_terms", bson["hostResponse"]["decisionGround"].AsString);
        Assert.False(bson["hostResponse"].AsBsonDocument.Contains("legalGround"));
        Assert.Equal(new BsonArray { "worldwide" }, bson["hostResponse"]["territorialScope"]);
        Assert.Equal(JsonSerializer.Serialize(report), JsonSerializer.Serialize(back.ToReport()));
    }

    [Fact]
    public void Without_an_open_contest_the_report_is_outside_the_contested_indexes()
    {
        var report = Report();
        var settled = report with { Contests = [report.Contests[0]] };

        Assert.False(MongoReportDocument.From(settled).ContestOpen);
        Assert.False(MongoReportDocument.From(settled with { Contests = [] }).ContestOpen);
    }

    [Fact]
    public void A_document_from_before_the_host_loop_reads_as_a_report_without_notice_contests_or_thread()
    {
        var document = MongoReportDocument.From(Report()).ToBsonDocument();
        foreach (var field in new[] { "notice", "contests", "contestOpen", "hostMessages" })
        {
            document.Remove(field);
        }

        var statement = document["hostResponse"].AsBsonDocument;
        foreach (var field in new[] { "decisionGround", "termsReference", "territorialScope", "automatedDetection", "automatedDecision", "redress" })
        {
            statement.Remove(field);
        }

        var report = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<MongoReportDocument>(document).ToReport();

        Assert.Null(report.Notice);
        Assert.Empty(report.Contests);
        Assert.Empty(report.HostMessages);
        Assert.Equal(new HostStatement(2, "restricted", "EU", null, "ToS §4", true, "note", At.AddDays(1)), report.HostResponse);
    }
}
