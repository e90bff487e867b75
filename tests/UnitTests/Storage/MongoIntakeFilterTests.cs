using MongoDB.Bson;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Storage;
using static SafetyReports.UnitTests.Storage.MongoRendering;

namespace SafetyReports.UnitTests.Storage;

public sealed class MongoIntakeFilterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Due_for_handover_means_unconfirmed_and_scheduled_by_now_oldest_first()
    {
        Assert.Equal(
            new BsonDocument { { "handedOverAt", BsonNull.Value }, { "nextHandoverAt", new BsonDocument("$lte", Date(Now)) } },
            Render(MongoIntakeFilters.DueForHandover(Now)));
        Assert.Equal(new BsonDocument("nextHandoverAt", 1), Render(MongoIntakeFilters.DueOrder));
    }

    [Fact]
    public void Hand_over_updates_touch_only_unconfirmed_submissions()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new BsonDocument { { "_id", Uuid(id) }, { "handedOverAt", BsonNull.Value } }, Render(MongoIntakeFilters.Unconfirmed(id)));
    }

    [Fact]
    public void Erasing_a_contact_clears_it_in_a_payload_that_is_still_held()
    {
        var id = Guid.NewGuid();
        Assert.Equal(
            new BsonDocument { { "_id", Uuid(id) }, { "payload", new BsonDocument("$ne", BsonNull.Value) } },
            Render(MongoIntakeFilters.WithPayload(id)));
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument { { "payload.protectedContact", BsonNull.Value }, { "payload.contactAllowed", false } }),
            Render(MongoIntakeFilters.ContactErased));
    }

    [Fact]
    public void A_receipt_update_is_a_compare_and_swap_on_version_and_note_count()
    {
        var id = Guid.NewGuid();
        Assert.Equal(
            new BsonDocument { { "_id", Uuid(id) }, { "statusVersion", 3L }, { "publicNotes", new BsonDocument("$size", 2) } },
            Render(MongoIntakeFilters.ReceiptUnchanged(id, 3, 2)));
    }

    [Fact]
    public void Host_responses_and_contests_are_set_whole_on_the_receipt()
    {
        var response = new SafetyReports.Intake.Domain.ReceiptHostResponse(
            "hub-a", 1, "no_action", null, null, "Not a breach", null, null, null, null, null, null, false, null, Now);
        var contest = new SafetyReports.Intake.Domain.ReceiptContest(Guid.NewGuid(), "hub-a", 1, Now);

        var setResponse = Render(MongoIntakeFilters.HostResponseKept(response))["$set"].AsBsonDocument;
        Assert.Equal(["hostResponse"], setResponse.Names);
        Assert.Equal("no_action", setResponse["hostResponse"]["action"].AsString);
        var setContests = Render(MongoIntakeFilters.ContestsKept([contest]))["$set"].AsBsonDocument;
        Assert.Equal(["contests"], setContests.Names);
        Assert.Equal(Uuid(contest.Id), setContests["contests"][0]["id"]);
    }

    [Fact]
    public void Confirming_clears_the_payload_the_schedule_and_any_quarantine()
    {
        Assert.Equal(
            new BsonDocument
            {
                { "$set", new BsonDocument { { "handedOverAt", Date(Now) }, { "payload", BsonNull.Value }, { "nextHandoverAt", BsonNull.Value } } },
                { "$unset", new BsonDocument { { "quarantinedAt", 1 }, { "quarantineReason", 1 } } },
            },
            Render(MongoIntakeFilters.Confirmed(Now)));
    }

    [Fact]
    public void Setting_a_submission_aside_keeps_why_and_when_and_takes_it_off_the_schedule()
    {
        Assert.Equal(
            new BsonDocument("$set", new BsonDocument { { "quarantinedAt", Date(Now) }, { "quarantineReason", "The payload is empty." }, { "nextHandoverAt", BsonNull.Value } }),
            Render(MongoIntakeFilters.Quarantined("The payload is empty.", Now)));
        var id = Guid.NewGuid();
        Assert.Equal(id, MongoIntakeFilters.IdOf(new BsonDocument { { "_id", Uuid(id) }, { "payload", "not a submission" } }));
        Assert.Null(MongoIntakeFilters.IdOf(new BsonDocument("_id", "not a uuid")));
    }

    [Fact]
    public void Lookups_by_id_use_the_uuid_and_the_key_hash_ids()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new BsonDocument("_id", Uuid(id)), Render(MongoDB.Driver.Builders<MongoSubmissionDocument>.Filter.Where(d => d.Id == id)));
        Assert.Equal(new BsonDocument("_id", "key"), Render(MongoDB.Driver.Builders<IdempotencyRecord>.Filter.Where(d => d.KeyHash == "key")));
    }

    [Fact]
    public void A_secret_is_found_by_its_name_and_set_only_when_inserted()
    {
        Assert.Equal(new BsonDocument("_id", "idempotency-scope"), Render(MongoIntakeFilters.Secret("idempotency-scope")));
        Assert.Equal(new BsonDocument("$setOnInsert", new BsonDocument("protectedSecret", "sealed")), Render(MongoIntakeFilters.SecretIfAbsent("sealed")));
    }
}
