using System.Text.Json;
using MongoDB.Bson;
using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoTriageDocumentTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_report_round_trips_with_every_field()
    {
        var report = new Report
        {
            Id = Guid.NewGuid(),
            Status = ReportStatuses.Acknowledged,
            Version = 9,
            Model = new ModelReference("huggingface", "Org/Model", "v2", "https://huggingface.co/Org/Model"),
            Category = "hate",
            Severity = "critical",
            Title = "Title With Case",
            Description = "Description",
            Evidence = [new EvidenceItem("url", "https://example.org")],
            ProtectedContact = "protected",
            ContactAllowed = true,
            ClientHash = "0123456789abcdef0123456789abcdef",
            Assignee = "ana",
            DuplicateOf = Guid.NewGuid(),
            Notes = [new ReportNote(At.AddMinutes(1), "ana", "internal")],
            PublicNotes = [new ReportNote(At.AddMinutes(2), "ana", "public")],
            ReceivedAt = At,
            UpdatedAt = At.AddMinutes(9),
            TriagedAt = At.AddMinutes(3),
            HostNotifiedAt = At.AddMinutes(4),
            AcknowledgedAt = At.AddMinutes(5),
        };

        var (bson, back) = RoundTrip(MongoReportDocument.From(report));

        AssertUuid(report.Id, bson["_id"]);
        AssertUuid(report.DuplicateOf.Value, bson["duplicateOf"]);
        Assert.Equal(9L, bson["version"].AsInt64);
        AssertDate(At, bson["receivedAt"]);
        AssertDate(At.AddMinutes(9), bson["updatedAt"]);
        AssertDate(At.AddMinutes(3), bson["triagedAt"]);
        AssertDate(At.AddMinutes(4), bson["hostNotifiedAt"]);
        AssertDate(At.AddMinutes(5), bson["acknowledgedAt"]);
        AssertDate(At.AddMinutes(1), bson["notes"][0]["at"]);
        Assert.Equal("huggingface", bson["model"]["host"].AsString);
        Assert.Equal("Org/Model", bson["model"]["id"].AsString);
        Assert.Equal("title with case\ndescription\nhttps://example.org\norg/model", bson["searchText"].AsString);
        // Critical: four hours by default.
        AssertDate(At.AddHours(4), bson["deadline"]);
        // The near-duplicate signature and its bands, derived from the text as the SQLite store derives them.
        var signature = SafetyReports.Triage.Similarity.ReportSignature.Of(report);
        Assert.Equal(signature.Serialize(), bson["signature"].AsString);
        Assert.Equal(signature.BandKeys(), bson["bands"].AsBsonArray.Select(b => b.AsString));
        Assert.Equal(report.ClientHash, bson["clientHash"].AsString);
        Assert.Equal(JsonSerializer.Serialize(report), JsonSerializer.Serialize(back.ToReport()));
    }

    [Fact]
    public void A_report_without_optional_fields_keeps_them_null()
    {
        var report = new Report
        {
            Id = Guid.NewGuid(),
            Status = ReportStatuses.Received,
            Version = 1,
            Model = new ModelReference("h", "m"),
            Category = "other",
            Title = "t",
            Description = "d",
            ReceivedAt = At,
            UpdatedAt = At,
        };

        var (bson, back) = RoundTrip(MongoReportDocument.From(report));

        Assert.Equal(BsonNull.Value, bson["duplicateOf"]);
        Assert.Equal(BsonNull.Value, bson["triagedAt"]);
        Assert.Equal(JsonSerializer.Serialize(report), JsonSerializer.Serialize(back.ToReport()));
    }

    [Fact]
    public void An_audit_entry_is_keyed_by_its_sequence_and_still_verifies_after_the_trip()
    {
        var entry = AuditChain.Link(new AuditDraft(Guid.NewGuid(), At.AddTicks(1234), "ana", "transition", """{"to":"triaged"}"""), 7, new string('a', 64));

        var (bson, back) = RoundTrip(MongoAuditEntryDocument.From(entry));

        Assert.Equal(7L, bson["_id"].AsInt64);
        AssertUuid(entry.ReportId, bson["reportId"]);
        AssertDate(At, bson["at"]);
        Assert.Equal(entry, back.ToEntry());
        Assert.Equal(entry.Hash, AuditChain.ComputeHash(back.ToEntry()));
    }

    [Fact]
    public void The_audit_head_starts_at_genesis()
    {
        var (bson, back) = RoundTrip(MongoAuditHeadDocument.Genesis());

        Assert.Equal(new BsonDocument { { "_id", "audit" }, { "sequence", 0L }, { "hash", AuditChain.GenesisHash } }, bson);
        Assert.Equal((0L, AuditChain.GenesisHash), (back.Sequence, back.Hash));
    }
}
