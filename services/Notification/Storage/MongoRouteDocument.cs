using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// A report told to its host, keyed by the report id; the acknowledgement is recorded on it once, the
/// response by revision. Documents written before summaries, responses and reminders existed lack those
/// fields: they read as null and 0, and the filters treat a missing counter as 0.
/// </summary>
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

    [BsonElement("summary")]
    public MongoReportSummaryDocument? Summary { get; set; }

    [BsonElement("response")]
    public MongoHostResponseDocument? Response { get; set; }

    [BsonElement("respondedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? RespondedAt { get; set; }

    [BsonElement("responseRevision")]
    public int ResponseRevision { get; set; }

    [BsonElement("responseUpdatedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? ResponseUpdatedAt { get; set; }

    [BsonElement("lastRemindedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? LastRemindedAt { get; set; }

    /// <summary>When the host was last told about the report (first event or last reminder), kept for the reminder query's index.</summary>
    [BsonElement("lastContactAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset LastContactAt { get; set; }

    [BsonElement("remindersSent")]
    public int RemindersSent { get; set; }

    public static MongoRouteDocument From(ReportRoute route) => new()
    {
        ReportId = route.ReportId,
        HostId = route.HostId,
        ModelId = route.ModelId,
        FirstEventAt = route.FirstEventAt,
        AcknowledgedAt = route.AcknowledgedAt,
        AcknowledgementNote = route.AcknowledgementNote,
        Summary = route.Summary is null ? null : MongoReportSummaryDocument.From(route.Summary),
        Response = route.Response is null ? null : MongoHostResponseDocument.From(route.Response),
        RespondedAt = route.RespondedAt,
        ResponseRevision = route.ResponseRevision,
        ResponseUpdatedAt = route.ResponseUpdatedAt,
        LastRemindedAt = route.LastRemindedAt,
        LastContactAt = ReminderRule.LastContact(route),
        RemindersSent = route.RemindersSent,
    };

    public ReportRoute ToRoute() => new(
        ReportId, HostId, ModelId, FirstEventAt, AcknowledgedAt, AcknowledgementNote, Summary?.ToSummary(), Response?.ToResponse(),
        RespondedAt, ResponseRevision, ResponseUpdatedAt, LastRemindedAt, RemindersSent);
}
