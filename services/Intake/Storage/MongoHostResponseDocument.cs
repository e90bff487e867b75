using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>The host's latest statement of reasons on a receipt (SQLite: the <c>host_response</c> column).</summary>
[BsonNoId]
[MongoDocument]
public sealed class MongoHostResponseDocument
{
    public string HostId { get; set; } = "";
    public int Revision { get; set; }
    public string Action { get; set; } = "";
    public string? Scope { get; set; }
    public DateTimeOffset? Until { get; set; }
    public string Grounds { get; set; } = "";
    public string? DecisionGround { get; set; }
    public string? LegalGround { get; set; }
    public string? TermsReference { get; set; }
    public List<string>? TerritorialScope { get; set; }
    public bool? AutomatedDetection { get; set; }
    public bool? AutomatedDecision { get; set; }
    public bool Automated { get; set; }
    public string? Redress { get; set; }
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
