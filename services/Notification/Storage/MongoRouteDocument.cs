using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// A report told to a host, keyed by report and host (<see cref="RouteIds"/>); the acknowledgement is recorded on it once, the
/// response by revision. Documents written before summaries, responses and reminders existed lack those
/// fields: they read as null and 0, and the filters treat a missing counter as 0.
/// </summary>
[MongoDocument]
public sealed class MongoRouteDocument
{
    [BsonId]
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public string HostId { get; set; } = "";
    public string ModelId { get; set; } = "";

    /// <summary>How the report reached the host (<see cref="RouteVia"/>).</summary>
    public string Via { get; set; } = RouteVia.Report;
    public DateTimeOffset FirstEventAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgementNote { get; set; }
    public MongoReportSummaryDocument? Summary { get; set; }
    public HostResponse? Response { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public int ResponseRevision { get; set; }
    public DateTimeOffset? ResponseUpdatedAt { get; set; }
    public DateTimeOffset? LastRemindedAt { get; set; }

    /// <summary>When the host was last told about the report (first event or last reminder), kept for the reminder query's index.</summary>
    public DateTimeOffset LastContactAt { get; set; }
    public int RemindersSent { get; set; }

    public static MongoRouteDocument From(ReportRoute route) => new()
    {
        Id = route.Id,
        ReportId = route.ReportId,
        Via = route.Via,
        HostId = route.HostId,
        ModelId = route.ModelId,
        FirstEventAt = route.FirstEventAt,
        AcknowledgedAt = route.AcknowledgedAt,
        AcknowledgementNote = route.AcknowledgementNote,
        Summary = route.Summary is null ? null : MongoReportSummaryDocument.From(route.Summary),
        Response = route.Response,
        RespondedAt = route.RespondedAt,
        ResponseRevision = route.ResponseRevision,
        ResponseUpdatedAt = route.ResponseUpdatedAt,
        LastRemindedAt = route.LastRemindedAt,
        LastContactAt = ReminderRule.LastContact(route),
        RemindersSent = route.RemindersSent,
    };

    public ReportRoute ToRoute() => new(
        ReportId, HostId, ModelId, FirstEventAt, AcknowledgedAt, AcknowledgementNote, Summary?.ToSummary(), Response,
        RespondedAt, ResponseRevision, ResponseUpdatedAt, LastRemindedAt, RemindersSent, Via);
}
