using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

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

    // The DSA Transparency Database fields: documents from before them lack them and read as null.
    [BsonElement("decisionGround")]
    public string? DecisionGround { get; set; }

    [BsonElement("legalGround")]
    public string? LegalGround { get; set; }

    [BsonElement("termsReference")]
    public string? TermsReference { get; set; }

    [BsonElement("territorialScope")]
    public List<string>? TerritorialScope { get; set; }

    [BsonElement("automatedDetection")]
    public bool? AutomatedDetection { get; set; }

    [BsonElement("automatedDecision")]
    public bool? AutomatedDecision { get; set; }

    [BsonElement("redress")]
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
