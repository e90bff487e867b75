using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.Notification.Domain;

namespace SafetyReports.Notification.Storage;

/// <summary>A report told to its host, keyed by the report id; the acknowledgement is recorded on it once.</summary>
public sealed class MongoRouteDocument
{
    [BsonId, BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid ReportId { get; set; }

    [BsonElement("hostId")]
    public string HostId { get; set; } = "";

    [BsonElement("modelId")]
    public string ModelId { get; set; } = "";

    [BsonElement("firstEventAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset FirstEventAt { get; set; }

    [BsonElement("acknowledgedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? AcknowledgedAt { get; set; }

    [BsonElement("acknowledgementNote")]
    public string? AcknowledgementNote { get; set; }

    public static MongoRouteDocument From(ReportRoute route) => new()
    {
        ReportId = route.ReportId,
        HostId = route.HostId,
        ModelId = route.ModelId,
        FirstEventAt = route.FirstEventAt,
        AcknowledgedAt = route.AcknowledgedAt,
        AcknowledgementNote = route.AcknowledgementNote,
    };

    public ReportRoute ToRoute() => new(ReportId, HostId, ModelId, FirstEventAt, AcknowledgedAt, AcknowledgementNote);
}
