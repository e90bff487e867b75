using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace SafetyReports.Intake.Storage;

/// <summary>The host's latest statement of reasons on a receipt (SQLite: the <c>host_response</c> column).</summary>
[BsonNoId]
public sealed class MongoHostResponseDocument
{
    [BsonElement("hostId")]
    public string HostId { get; set; } = "";

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

    [BsonElement("automated")]
    public bool Automated { get; set; }

    [BsonElement("redress")]
    public string? Redress { get; set; }

    [BsonElement("respondedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset RespondedAt { get; set; }

    public static MongoHostResponseDocument From(ReceiptHostResponse response) => new()
    {
        HostId = response.HostId,
        Revision = response.Revision,
        Action = response.Action,
        Scope = response.Scope,
        Until = response.Until,
        Grounds = response.Grounds,
        DecisionGround = response.DecisionGround,
        LegalGround = response.LegalGround,
        TermsReference = response.TermsReference,
        TerritorialScope = response.TerritorialScope?.ToList(),
        AutomatedDetection = response.AutomatedDetection,
        AutomatedDecision = response.AutomatedDecision,
        Automated = response.Automated,
        Redress = response.Redress,
        RespondedAt = response.RespondedAt,
    };

    public ReceiptHostResponse ToResponse() => new(
        HostId, Revision, Action, Scope, Until, Grounds, DecisionGround, LegalGround, TermsReference, TerritorialScope,
        AutomatedDetection, AutomatedDecision, Automated, Redress, RespondedAt);
}
