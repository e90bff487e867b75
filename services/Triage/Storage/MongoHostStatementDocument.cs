using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>The host's statement on a report; the DSA fields are left out of the document while they are null (as in responses from before them).</summary>
[BsonNoId]
[MongoDocument]
public sealed class MongoHostStatementDocument
{
    public int Revision { get; set; }
    public string Action { get; set; } = "";
    public string? Scope { get; set; }
    public DateTimeOffset? Until { get; set; }
    public string Grounds { get; set; } = "";
    public bool Automated { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RespondedAt { get; set; }
    [BsonIgnoreIfNull]
    public string? DecisionGround { get; set; }
    [BsonIgnoreIfNull]
    public string? LegalGround { get; set; }
    [BsonIgnoreIfNull]
    public string? TermsReference { get; set; }
    [BsonIgnoreIfNull]
    public List<string>? TerritorialScope { get; set; }
    [BsonIgnoreIfNull]
    public bool? AutomatedDetection { get; set; }
    [BsonIgnoreIfNull]
    public bool? AutomatedDecision { get; set; }
    [BsonIgnoreIfNull]
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
