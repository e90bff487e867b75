using MongoDB.Bson;
using SafetyReports.ServiceDefaults.Messaging;
using static SafetyReports.UnitTests.Storage.MongoRendering;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoOutboxDocumentTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void An_outbox_message_round_trips_with_its_id_as_a_uuid()
    {
        var message = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.ReportStored", """{"reportId":"x"}""", At);

        var (bson, back) = RoundTrip(MongoOutboxDocument.From(message));

        Assert.Equal(BsonType.ObjectId, bson["_id"].BsonType);
        AssertUuid(message.Id, bson["messageId"]);
        AssertDate(At, bson["createdAt"]);
        Assert.Equal(message, back.ToMessage());
    }

    [Fact]
    public void Rows_written_one_after_another_sort_in_that_order()
    {
        var rows = Enumerable.Range(0, 100)
            .Select(i => MongoOutboxDocument.From(new OutboxMessage(Guid.NewGuid(), "T", "{}", At.AddSeconds(-i)))).ToList();

        Assert.Equal(rows.Select(r => r.Sequence), rows.Select(r => r.Sequence).Order());
        Assert.Equal(new BsonDocument("_id", 1), Render(MongoOutbox.OldestFirst));
    }

    [Fact]
    public void Rows_are_removed_by_message_id()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        Assert.Equal(
            new BsonDocument("messageId", new BsonDocument("$in", new BsonArray { Uuid(ids[0]), Uuid(ids[1]) })),
            Render(MongoOutbox.ByMessageIds(ids)));
    }

    [Fact]
    public void The_dispatcher_reads_the_outbox_with_majority_read_concern_so_only_committed_events_leave()
    {
        // The client connects lazily: nothing here needs a server.
        var database = new MongoDB.Driver.MongoClient("mongodb://127.0.0.1:1").GetDatabase("outbox-test");
        var outbox = new MongoOutbox(database);

        Assert.Equal(MongoDB.Driver.ReadConcern.Majority, outbox.Committed.Settings.ReadConcern);
        Assert.Equal(MongoOutbox.CollectionName, outbox.Committed.CollectionNamespace.CollectionName);
    }

    [Fact]
    public void A_row_set_aside_keeps_the_row_as_it_was_with_why_and_when_under_its_message_id()
    {
        var row = MongoOutboxDocument.From(new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.NoSuchEvent", "{}", At));

        var (bson, back) = RoundTrip(MongoQuarantinedOutboxDocument.From(row, "Unknown message type", At.AddMinutes(1)));

        AssertUuid(row.MessageId, bson["_id"]);
        Assert.Equal(["_id", "row", "reason", "quarantinedAt"], bson.Names);
        AssertDate(At.AddMinutes(1), bson["quarantinedAt"]);
        Assert.Equal(row.ToMessage(), back.Row.ToMessage());
    }
}
