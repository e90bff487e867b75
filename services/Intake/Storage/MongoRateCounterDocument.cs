using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// One client's rate-limit window, shared by every Intake replica. The <c>_id</c> is a keyed hash of the limit and
/// the client (<see cref="MongoRateCounterStore"/>), never the address; MongoDB's TTL monitor removes ended windows.
/// </summary>
public sealed class MongoRateCounterDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    [BsonElement("windowStart"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset WindowStart { get; set; }

    [BsonElement("count")]
    public int Count { get; set; }

    /// <summary>Whether the last request was counted (it fit in the window).</summary>
    [BsonElement("counted")]
    public bool Counted { get; set; }

    [BsonElement("expiresAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset ExpiresAt { get; set; }
}
