using MongoDB.Bson;
using MongoDB.Driver;

namespace SafetyReports.Intake.Storage;

/// <summary>The filters and updates the MongoDB submission store uses, public so their rendered shape is unit-tested.</summary>
public static class MongoIntakeFilters
{
    private static FilterDefinitionBuilder<MongoSubmissionDocument> Filter => Builders<MongoSubmissionDocument>.Filter;

    /// <summary>Unconfirmed submissions whose next hand-over time has come (SQLite: <c>handed_over_at IS NULL AND next_handover_at &lt;= now</c>).</summary>
    public static FilterDefinition<MongoSubmissionDocument> DueForHandover(DateTimeOffset now) =>
        Filter.Eq(d => d.HandedOverAt, null) & Filter.Lte(d => d.NextHandoverAt, now);

    /// <summary>Idempotency records older than the retention (SQLite: <c>created_at &lt; before</c>).</summary>
    public static FilterDefinition<IdempotencyRecord> IdempotencyCreatedBefore(DateTimeOffset before) =>
        Builders<IdempotencyRecord>.Filter.Lt(d => d.CreatedAt, before);

    public static FilterDefinition<MongoIntakeSecretDocument> Secret(string name) =>
        Builders<MongoIntakeSecretDocument>.Filter.Eq(d => d.Name, name);

    /// <summary>Upserted with the filter <see cref="Secret"/>: sets the secret only when the document is new (SQLite: <c>ON CONFLICT DO NOTHING</c>).</summary>
    public static UpdateDefinition<MongoIntakeSecretDocument> SecretIfAbsent(string protectedSecret) =>
        Builders<MongoIntakeSecretDocument>.Update.SetOnInsert(d => d.ProtectedSecret, protectedSecret);

    public static SortDefinition<MongoSubmissionDocument> DueOrder { get; } =
        Builders<MongoSubmissionDocument>.Sort.Ascending(d => d.NextHandoverAt);

    /// <summary>The submission, as long as Triage has not confirmed it.</summary>
    public static FilterDefinition<MongoSubmissionDocument> Unconfirmed(Guid id) =>
        Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.HandedOverAt, null);

    /// <summary>
    /// Triage has the report: the payload (evidence, contact) goes, hand-over stops and a quarantine ends, as SQLite's
    /// <c>payload = NULL, quarantined_at = NULL</c>.
    /// </summary>
    public static UpdateDefinition<MongoSubmissionDocument> Confirmed(DateTimeOffset at) =>
        Builders<MongoSubmissionDocument>.Update
            .Set(d => d.HandedOverAt, at)
            .Set(d => d.Payload, null)
            .Set(d => d.NextHandoverAt, null)
            .Unset(d => d.QuarantinedAt)
            .Unset(d => d.QuarantineReason);

    /// <summary>Set aside: kept with why and when, and no longer due (SQLite: <c>next_handover_at = NULL</c>).</summary>
    public static UpdateDefinition<MongoSubmissionDocument> Quarantined(string reason, DateTimeOffset at) =>
        Builders<MongoSubmissionDocument>.Update
            .Set(d => d.QuarantinedAt, at)
            .Set(d => d.QuarantineReason, reason)
            .Set(d => d.NextHandoverAt, null);

    /// <summary>
    /// The submissions set aside. <c>quarantinedAt</c> of type date is the partial filter of <c>ix_submissions_quarantined</c>,
    /// so counting them reads that small index, never every submission.
    /// </summary>
    public static FilterDefinition<MongoSubmissionDocument> InQuarantine { get; } = Filter.Type(d => d.QuarantinedAt, BsonType.DateTime);

    /// <summary>The submission while it still holds its payload (SQLite: <c>payload IS NOT NULL</c>).</summary>
    public static FilterDefinition<MongoSubmissionDocument> WithPayload(Guid id) =>
        Filter.Eq(d => d.Id, id) & Filter.Ne(d => d.Payload, null);

    /// <summary>The reporter erased their contact: the payload keeps everything else.</summary>
    public static UpdateDefinition<MongoSubmissionDocument> ContactErased { get; } =
        Builders<MongoSubmissionDocument>.Update
            .Set(d => d.Payload!.ProtectedContact, null)
            .Set(d => d.Payload!.ContactAllowed, false);

    /// <summary>
    /// Compare-and-swap for a receipt update: the version and the number of public notes only ever
    /// grow and every update grows one of them, so matching both proves nothing changed since the read.
    /// </summary>
    public static FilterDefinition<MongoSubmissionDocument> ReceiptUnchanged(Guid id, long statusVersion, int publicNotes) =>
        Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.StatusVersion, statusVersion) & Filter.Size(d => d.PublicNotes, publicNotes);

    /// <summary>The <c>_id</c> of a raw submission document (a standard UUID), or null when even that cannot be read.</summary>
    public static Guid? IdOf(BsonDocument raw) =>
        raw.TryGetValue("_id", out var id) && id is BsonBinaryData { SubType: BsonBinarySubType.UuidStandard } binary ? binary.ToGuid() : null;

    /// <summary>The receipt's host response becomes <paramref name="response"/> (SQLite: <c>host_response = …</c>).</summary>
    public static UpdateDefinition<MongoSubmissionDocument> HostResponseKept(ReceiptHostResponse response) =>
        Builders<MongoSubmissionDocument>.Update.Set(d => d.HostResponse, response);

    /// <summary>The receipt's contests become <paramref name="contests"/> (SQLite: <c>contests = …</c>).</summary>
    public static UpdateDefinition<MongoSubmissionDocument> ContestsKept(IEnumerable<ReceiptContest> contests) =>
        Builders<MongoSubmissionDocument>.Update.Set(d => d.Contests, contests.ToList());
}
