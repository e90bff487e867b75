using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.Notification.Domain;

namespace SafetyReports.Notification.Storage;

[BsonNoId]
public sealed class MongoHostResponseDocument
{
    [BsonElement("action")]
    public string Action { get; set; } = "";

    [BsonElement("scope")]
    public string? Scope { get; set; }

    [BsonElement("until"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? Until { get; set; }

    [BsonElement("grounds")]
    public string Grounds { get; set; } = "";

    [BsonElement("automated")]
    public bool Automated { get; set; }

    [BsonElement("note")]
    public string? Note { get; set; }

    public static MongoHostResponseDocument From(HostResponse response) => new()
    {
        Action = response.Action,
        Scope = response.Scope,
        Until = response.Until,
        Grounds = response.Grounds,
        Automated = response.Automated,
        Note = response.Note,
    };

    public HostResponse ToResponse() => new(Action, Scope, Until, Grounds, Automated, Note);
}
