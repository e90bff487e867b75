using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// One client's rate-limit window, shared by every Intake replica. The <c>_id</c> is a keyed hash of the limit and
/// the client (<see cref="MongoRateCounterStore"/>), never the address; MongoDB's TTL monitor removes ended windows.
/// </summary>
[MongoDocument]
public sealed class MongoRateCounterDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public DateTimeOffset WindowStart { get; set; }
    public int Count { get; set; }

    /// <summary>Whether the last request was counted (it fit in the window).</summary>
    public bool Counted { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
