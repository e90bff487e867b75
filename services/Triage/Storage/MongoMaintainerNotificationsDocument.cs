using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Triage.Storage;

/// <summary>A maintainer's notification choices on MongoDB (collection <c>maintainerNotifications</c>), keyed by the maintainer.</summary>
public sealed class MongoMaintainerNotificationsDocument
{
    [BsonId]
    public string Maintainer { get; set; } = "";

    [BsonElement("email"), BsonIgnoreIfNull]
    public string? Email { get; set; }

    [BsonElement("newReportSeverity"), BsonIgnoreIfNull]
    public string? NewReportSeverity { get; set; }

    [BsonElement("slaBreach")]
    public bool SlaBreach { get; set; }

    [BsonElement("reporterAnswered")]
    public bool ReporterAnswered { get; set; }

    [BsonElement("hostResponded")]
    public bool HostResponded { get; set; }

    [BsonElement("contested")]
    public bool Contested { get; set; }

    [BsonElement("delivery"), BsonRepresentation(BsonType.String)]
    public NotificationDelivery Delivery { get; set; }

    [BsonElement("updatedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset UpdatedAt { get; set; }

    public static MongoMaintainerNotificationsDocument From(MaintainerNotifications p) => new()
    {
        Maintainer = p.Maintainer,
        Email = p.Email,
        NewReportSeverity = p.NewReportSeverity,
        SlaBreach = p.SlaBreach,
        ReporterAnswered = p.ReporterAnswered,
        HostResponded = p.HostResponded,
        Contested = p.Contested,
        Delivery = p.Delivery,
        UpdatedAt = p.UpdatedAt,
    };

    public MaintainerNotifications ToPreferences() =>
        new(Maintainer, Email, NewReportSeverity, SlaBreach, ReporterAnswered, HostResponded, Contested, Delivery, UpdatedAt);
}
