using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Notification.Storage;

/// <summary>One attempt of a delivery. The ObjectId <c>_id</c> grows with each one written, giving SQLite's insertion order.</summary>
public sealed class MongoAttemptDocument
{
    [BsonId]
    public ObjectId Sequence { get; set; }

    [BsonElement("deliveryId"), BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid DeliveryId { get; set; }

    [BsonElement("at"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset At { get; set; }

    [BsonElement("statusCode")]
    public int? StatusCode { get; set; }

    [BsonElement("latencyMs")]
    public long LatencyMs { get; set; }

    [BsonElement("error")]
    public string? Error { get; set; }

    [BsonElement("responseExcerpt")]
    public string? ResponseExcerpt { get; set; }

    public static MongoAttemptDocument From(DeliveryAttempt attempt) => new()
    {
        Sequence = ObjectId.GenerateNewId(),
        DeliveryId = attempt.DeliveryId,
        At = attempt.At,
        StatusCode = attempt.StatusCode,
        LatencyMs = attempt.LatencyMs,
        Error = attempt.Error,
        ResponseExcerpt = attempt.ResponseExcerpt,
    };

    public DeliveryAttempt ToAttempt() => new(DeliveryId, At, StatusCode, LatencyMs, Error, ResponseExcerpt);
}
