using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>One attempt of a delivery. The ObjectId <c>_id</c> grows with each one written, giving SQLite's insertion order.</summary>
[MongoDocument]
public sealed class MongoAttemptDocument
{
    [BsonId]
    public ObjectId Sequence { get; set; }
    public Guid DeliveryId { get; set; }
    public DateTimeOffset At { get; set; }
    public int? StatusCode { get; set; }
    public long LatencyMs { get; set; }
    public string? Error { get; set; }
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
