using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Triage.Storage;

/// <summary>The host's statement on a report; the DSA fields are left out of the document while they are null (as in responses from before them).</summary>
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

    [BsonElement("decisionGround"), BsonIgnoreIfNull]
    public string? DecisionGround { get; set; }

    [BsonElement("legalGround"), BsonIgnoreIfNull]
    public string? LegalGround { get; set; }

    [BsonElement("termsReference"), BsonIgnoreIfNull]
    public string? TermsReference { get; set; }

    [BsonElement("territorialScope"), BsonIgnoreIfNull]
    public List<string>? TerritorialScope { get; set; }

    [BsonElement("automatedDetection"), BsonIgnoreIfNull]
    public bool? AutomatedDetection { get; set; }

    [BsonElement("automatedDecision"), BsonIgnoreIfNull]
    public bool? AutomatedDecision { get; set; }

    [BsonElement("redress"), BsonIgnoreIfNull]
    public string? Redress { get; set; }

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
        DecisionGround = statement.DecisionGround,
        LegalGround = statement.LegalGround,
        TermsReference = statement.TermsReference,
        TerritorialScope = statement.TerritorialScope?.ToList(),
        AutomatedDetection = statement.AutomatedDetection,
        AutomatedDecision = statement.AutomatedDecision,
        Redress = statement.Redress,
    };

    public HostStatement ToStatement() => new(Revision, Action, Scope, Until, Grounds, Automated, Note, RespondedAt,
        DecisionGround, LegalGround, TermsReference, TerritorialScope, AutomatedDetection, AutomatedDecision, Redress);
}
