using SafetyReports.ServiceDefaults.Storage.Mongo;
using System.Text.Json;
using MongoDB.Bson;
using SafetyReports.Contracts;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoIntakeDocumentTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_submission_round_trips_with_uuid_ids_and_bson_dates()
    {
        var submission = NewSubmission();
        var document = MongoSubmissionDocument.From(submission);
        document.PublicNotes = [new PublicNote(ReceivedAt.AddMinutes(5), "Looking at it", 2)];

        var (bson, back) = RoundTrip(document);

        AssertUuid(submission.Id, bson["_id"]);
        AssertDate(ReceivedAt, bson["receivedAt"]);
        AssertDate(ReceivedAt, bson["updatedAt"]);
        AssertDate(ReceivedAt, bson["nextHandoverAt"]);
        Assert.Equal(BsonNull.Value, bson["handedOverAt"]);
        Assert.Equal("received", bson["status"].AsString);
        Assert.Equal(0L, bson["statusVersion"].AsInt64);
        Assert.Equal(0, bson["handoverAttempts"].AsInt32);
        AssertDate(ReceivedAt.AddMinutes(5), bson["publicNotes"][0]["at"]);
        Assert.Equal(2L, bson["publicNotes"][0]["version"].AsInt64);
        var payload = bson["payload"].AsBsonDocument;
        AssertUuid(submission.Id, payload["reportId"]);
        AssertDate(ReceivedAt, payload["receivedAt"]);
        Assert.Equal(new BsonDocument { { "host", "huggingface" }, { "id", "org/model" }, { "revision", "main" }, { "url", BsonNull.Value } },
            payload["model"]);
        Assert.Equal("output", payload["evidence"][1]["kind"].AsString);
        Assert.Equal(
            ["_id", "receivedAt", "tokenHash", "status", "statusVersion", "updatedAt", "publicNotes", "payload", "handedOverAt", "nextHandoverAt", "handoverAttempts",
                "hostResponse", "contests", "evidenceFiles"],
            bson.Names);

        Assert.Equal(Json(new Receipt(submission.Id, submission.TokenHash, "received", 0, ReceivedAt, ReceivedAt,
            [new PublicNote(ReceivedAt.AddMinutes(5), "Looking at it", 2)], null, null, [], [])), Json(back.ToReceipt()));
        Assert.Equal(Json(submission.Payload), Json(back.Payload!.ToMessage()));
    }

    [Fact]
    public void The_host_response_and_contests_round_trip_with_bson_dates_and_uuid_ids()
    {
        var submission = NewSubmission();
        var response = new ReceiptHostResponse(
            "hub-a", 2, "restricted", "Downloads", ReceivedAt.AddDays(30), "Policy §3", "illegal_content", "StGB §130", null, ["DE", "AT"],
            true, false, false, "appeals@hub-a.example", ReceivedAt.AddDays(1));
        var contest = new ReceiptContest(Guid.NewGuid(), "hub-a", 2, ReceivedAt.AddDays(2), ReceivedAt.AddDays(3), ReceivedAt.AddDays(4), "Closed: the host restricted it.");
        var document = MongoSubmissionDocument.From(submission);
        document.HostResponse = response;
        document.Contests = [contest];

        var (bson, back) = RoundTrip(document);

        var hostResponse = bson["hostResponse"].AsBsonDocument;
        AssertDate(ReceivedAt.AddDays(30), hostResponse["until"]);
        AssertDate(ReceivedAt.AddDays(1), hostResponse["respondedAt"]);
        Assert.Equal(new BsonArray { "DE", "AT" }, hostResponse["territorialScope"]);
        Assert.Equal(2, hostResponse["revision"].AsInt32);
        Assert.DoesNotContain(hostResponse.Names, n => n.Contains("note", StringComparison.OrdinalIgnoreCase));
        var stored = bson["contests"][0].AsBsonDocument;
        AssertUuid(contest.Id, stored["id"]);
        AssertDate(ReceivedAt.AddDays(2), stored["contestedAt"]);
        Assert.Equal(["id", "hostId", "responseRevision", "contestedAt", "forwardedAt", "closedAt", "publicNote"], stored.Names);

        var receipt = back.ToReceipt();
        Assert.Equal(Json(response), Json(receipt.HostResponse));
        Assert.Equal([contest], receipt.Contests);
    }

    [Fact]
    public void A_document_from_before_host_responses_reads_as_without_response_and_contests()
    {
        var bson = MongoSubmissionDocument.From(NewSubmission()).ToBsonDocument();
        bson.Remove("hostResponse");
        bson.Remove("contests");

        var receipt = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<MongoSubmissionDocument>(bson.ToBson()).ToReceipt();

        Assert.Null(receipt.HostResponse);
        Assert.Empty(receipt.Contests);
        Assert.False(receipt.CanContest);
    }

    [Fact]
    public void Evidence_file_records_round_trip_inside_the_submission_and_their_bytes_in_documents_of_their_own()
    {
        var content = "{\"a\":1}"u8.ToArray();
        var record = new EvidenceFileRecord(Guid.NewGuid(), "chat.json", "application/json", content.Length, "stored-hash", "original-hash");
        var submission = NewSubmission() with { Files = [new StoredEvidenceFile(record, content)] };

        var (bson, back) = RoundTrip(MongoSubmissionDocument.From(submission));

        var stored = bson["evidenceFiles"][0].AsBsonDocument;
        AssertUuid(record.Id, stored["id"]);
        Assert.Equal(["id", "name", "mediaType", "size", "sha256", "originalSha256"], stored.Names);
        Assert.DoesNotContain(bson.Names, n => n == "content");
        Assert.Equal([record], back.ToReceipt().EvidenceFiles);

        var (fileBson, fileBack) = RoundTrip(new MongoEvidenceFileDocument { Id = record.Id, ReportId = submission.Id, Content = content });
        AssertUuid(record.Id, fileBson["_id"]);
        AssertUuid(submission.Id, fileBson["reportId"]);
        Assert.Equal(BsonType.Binary, fileBson["content"].BsonType);
        Assert.Equal(content, fileBack.Content);
    }

    [Fact]
    public void A_document_from_before_evidence_files_reads_as_without_files()
    {
        var bson = MongoSubmissionDocument.From(NewSubmission()).ToBsonDocument();
        bson.Remove("evidenceFiles");

        Assert.Empty(MongoDB.Bson.Serialization.BsonSerializer.Deserialize<MongoSubmissionDocument>(bson.ToBson()).ToReceipt().EvidenceFiles);
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_in_utc_as_sqlite_keeps_them()
    {
        var submission = NewSubmission() with { ReceivedAt = new DateTimeOffset(2025, 3, 1, 14, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567) };

        var (_, back) = RoundTrip(MongoSubmissionDocument.From(submission));

        Assert.Equal(ReceivedAt, back.ReceivedAt);
        Assert.Equal(TimeSpan.Zero, back.ReceivedAt.Offset);
    }

    [Fact]
    public void An_idempotency_record_round_trips_keyed_by_its_hash()
    {
        var record = new IdempotencyRecord("key-hash", "request-hash", Guid.NewGuid(), "protected", ReceivedAt);

        var (bson, back) = RoundTrip(record);

        Assert.Equal("key-hash", bson["_id"].AsString);
        AssertUuid(record.ReportId, bson["reportId"]);
        AssertDate(ReceivedAt, bson["createdAt"]);
        Assert.Equal(record, back);
    }

    private static Submission NewSubmission()
    {
        var id = Guid.NewGuid();
        return new Submission(id, ReceivedAt, "token-hash", new ReportSubmitted(
            id, ReceivedAt, new ModelReference("huggingface", "org/model", "main"), "privacy", null, "Title", "Description",
            [new EvidenceItem("prompt", "p"), new EvidenceItem("output", "o")], "protected-contact", true));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
