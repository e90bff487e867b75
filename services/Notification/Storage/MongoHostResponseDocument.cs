using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

[BsonNoId]
[MongoDocument]
public sealed class MongoHostResponseDocument
{
    public string Action { get; set; } = "";
    public string? Scope { get; set; }
    public DateTimeOffset? Until { get; set; }
    public string Grounds { get; set; } = "";
    public bool Automated { get; set; }
    public string? Note { get; set; }

    // The DSA Transparency Database fields: documents from before them lack them and read as null.
    public string? DecisionGround { get; set; }
    public string? LegalGround { get; set; }
    public string? TermsReference { get; set; }
    public List<string>? TerritorialScope { get; set; }
    public bool? AutomatedDetection { get; set; }
    public bool? AutomatedDecision { get; set; }
    public string? Redress { get; set; }

    public static MongoHostResponseDocument From(HostResponse response) => new()
    {
        Action = response.Action,
        Scope = response.Scope,
        Until = response.Until,
        Grounds = response.Grounds,
        Automated = response.Automated,
        Note = response.Note,
        DecisionGround = response.DecisionGround,
        LegalGround = response.LegalGround,
        TermsReference = response.TermsReference,
        TerritorialScope = response.TerritorialScope?.ToList(),
        AutomatedDetection = response.AutomatedDetection,
        AutomatedDecision = response.AutomatedDecision,
        Redress = response.Redress,
    };

    public HostResponse ToResponse() => new(
        Action, Scope, Until, Grounds, Automated, Note, DecisionGround, LegalGround, TermsReference, TerritorialScope, AutomatedDetection,
        AutomatedDecision, Redress);
}
