using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.Triage.Domain;

namespace SafetyReports.Triage.Storage;

[BsonNoId]
public sealed class MongoHostStatementDocument
{
    [BsonElement("revision")]
    public int Revision { get; set; }

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

    [BsonElement("respondedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset RespondedAt { get; set; }

    public static MongoHostStatementDocument From(HostStatement statement) => new()
    {
        Revision = statement.Revision,
        Action = statement.Action,
        Scope = statement.Scope,
        Until = statement.Until,
        Grounds = statement.Grounds,
        Automated = statement.Automated,
        Note = statement.Note,
        RespondedAt = statement.RespondedAt,
    };

    public HostStatement ToStatement() => new(Revision, Action, Scope, Until, Grounds, Automated, Note, RespondedAt);
}
