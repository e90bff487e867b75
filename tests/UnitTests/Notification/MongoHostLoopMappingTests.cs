using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using SafetyReports.Contracts;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Notification;

/// <summary>The BSON of what the host loop (issue 14) added to Notification's documents, and the filters and indexes that read it.</summary>
public sealed class MongoHostLoopMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_notice_round_trips_with_its_evidence_and_day()
    {
        var notice = new HostNotice(Guid.NewGuid(), "hub", 3, new ModelReference("hub", "org/model", "main", "https://hub.example/org/model"),
            "What the model did", [new EvidenceItem("prompt", "p"), new EvidenceItem("output", "o")], "note", true, new DateOnly(2026, 2, 28), At,
            [new SharedEvidenceFile(Guid.NewGuid(), "chat.jsonl", "application/jsonl", 80, new string('c', 64))]);

        var (bson, back) = RoundTrip(MongoNoticeDocument.From(notice));

        AssertUuid(notice.ReportId, bson["_id"]);
        Assert.Equal(3, bson["revision"].AsInt32);
        Assert.Equal("2026-02-28", bson["receivedOn"].AsString);
        Assert.Equal("output", bson["evidence"][1]["kind"].AsString);
        AssertDate(At, bson["sharedAt"]);
        AssertUuid(notice.Files![0].Id, bson["files"][0]["id"]);
        Assert.Equal("application/jsonl", bson["files"][0]["mediaType"].AsString);
        Assert.Equal(JsonSerializer.Serialize(notice), JsonSerializer.Serialize(back.ToNotice()));
    }

    [Fact]
    public void A_notice_stored_before_files_could_be_shared_reads_as_sharing_none()
    {
        var notice = new HostNotice(Guid.NewGuid(), "hub", 1, new ModelReference("hub", "org/model"), null, [], null, true, new DateOnly(2026, 2, 28), At);
        var bson = MongoNoticeDocument.From(notice).ToBsonDocument();
        bson.Remove("files");

        Assert.Empty(BsonSerializer.Deserialize<MongoNoticeDocument>(bson).ToNotice().Files!);
    }

    [Fact]
    public void A_contest_and_a_message_round_trip()
    {
        var contest = new HostContest(Guid.NewGuid(), Guid.NewGuid(), "hub", 2, "reason", null, At, At.AddHours(1));
        var message = new ThreadMessage(Guid.NewGuid(), Guid.NewGuid(), "hub", ThreadSides.Maintainers, "rita", "text", At);

        var (contestBson, contestBack) = RoundTrip(contest);
        var (messageBson, messageBack) = RoundTrip(message);

        AssertUuid(contest.ReportId, contestBson["reportId"]);
        AssertUuid(contest.Id, contestBson["_id"]);
        Assert.Equal(contest, contestBack);
        Assert.Equal("maintainers", messageBson["from"].AsString);
        Assert.Equal(message, messageBack);
    }

    [Fact]
    public void A_response_keeps_the_dsa_fields_and_one_from_before_them_reads_without()
    {
        var response = new HostResponse("removed", "s", null, "g", true, null, "illegal_content", "Art. 5", null, ["AT", "DE"], true, true, "Appeal");

        var (bson, back) = RoundTrip(response);

        Assert.Equal(new BsonArray { "AT", "DE" }, bson["territorialScope"]);
        Assert.Equal("illegal_content", bson["decisionGround"].AsString);
        Assert.Equal(response, back);

        var old = new BsonDocument { { "action", "no_action" }, { "scope", BsonNull.Value }, { "until", BsonNull.Value }, { "grounds", "g" }, { "automated", false }, { "note", BsonNull.Value } };
        Assert.Equal(new HostResponse("no_action", null, null, "g", false, null), BsonSerializer.Deserialize<HostResponse>(old));
    }

    [Fact]
    public void Notices_contests_and_threads_are_read_by_report()
    {
        var report = Guid.NewGuid();
        Assert.Equal(new BsonDocument("_id", Uuid(report)), Render(MongoNotificationFilters.NoticeOf(report)));
        Assert.Equal(new BsonDocument("revision", 1),
            MongoNotificationFilters.RevisionOnly.Render(new(BsonSerializer.LookupSerializer<MongoNoticeDocument>(), BsonSerializer.SerializerRegistry)));
        Assert.Equal(new BsonDocument("_id", new BsonDocument("$in", new BsonArray { Uuid(report) })), Render(MongoNotificationFilters.NoticesOf([report, report])));
        Assert.Equal(new BsonDocument("reportId", new BsonDocument("$in", new BsonArray { Uuid(report) })), Render(MongoNotificationFilters.ContestsOf([report])));
        Assert.Equal(new BsonDocument { { "contestedAt", 1 }, { "_id", 1 } }, Render(MongoNotificationFilters.ContestsOldestFirst));
        Assert.Equal(new BsonDocument { { "reportId", Uuid(report) }, { "hostId", "hub" } }, Render(MongoNotificationFilters.ThreadOf(report, "hub")));
        Assert.Equal(new BsonDocument { { "sentAt", 1 }, { "_id", 1 } }, Render(MongoNotificationFilters.ThreadOrder));
    }

    [Fact]
    public void Contests_and_threads_have_indexes_that_lead_with_the_report()
    {
        Assert.Equal(
            new BsonDocument { { "reportId", 1 }, { "contestedAt", 1 }, { "_id", 1 } },
            Keys(Assert.Single(MongoNotificationIndexes.Contests, i => i.Options.Name == "ix_contests_report")));
        Assert.Equal(
            new BsonDocument { { "reportId", 1 }, { "hostId", 1 }, { "sentAt", 1 }, { "_id", 1 } },
            Keys(Assert.Single(MongoNotificationIndexes.Messages, i => i.Options.Name == "ix_messages_report")));
    }

    [Fact]
    public void A_log_leaf_round_trips_keyed_by_report_action_and_host_and_is_read_by_report()
    {
        var report = Guid.Parse("0b6f2a4e-0c1d-4a4b-9d1e-3f4a5b6c7d8e");
        var leaf = new HostLogLeaf(report, "a host/with spaces", AuditLeafRecorded.Actions.HostAcknowledged, 5_000_000_000);

        var (bson, back) = RoundTrip(MongoLogLeafDocument.From(leaf));

        Assert.Equal("0b6f2a4e-0c1d-4a4b-9d1e-3f4a5b6c7d8e host_acknowledged a host/with spaces", bson["_id"].AsString);
        AssertUuid(report, bson["reportId"]);
        Assert.Equal(5_000_000_000, bson["leafIndex"].AsInt64);
        Assert.Equal(leaf, back.ToLeaf());
        Assert.Equal(new BsonDocument("reportId", new BsonDocument("$in", new BsonArray { Uuid(report) })), Render(MongoNotificationFilters.LogLeavesOf([report, report])));
        Assert.Equal(new BsonDocument("_id", "k"), Render(MongoNotificationFilters.LogLeafKey("k")));
        Assert.Equal(new BsonDocument("reportId", 1), Keys(Assert.Single(MongoNotificationIndexes.LogLeaves, i => i.Options.Name == "ix_log_leaves_report")));
    }
}
