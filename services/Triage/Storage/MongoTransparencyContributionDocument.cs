using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// What a report adds to the transparency cells, kept on its document (SQLite: the <c>transparency</c> column): a change
/// takes exactly this away, whatever today's rules would compute for the old report. <see cref="Fingerprint"/> names the
/// rules it was computed under (<see cref="TransparencyOptions.CellsFingerprint"/>), so a change of rules finds the reports to recompute.
/// </summary>
[BsonNoId]
[MongoDocument]
public sealed class MongoTransparencyContributionDocument
{
    [BsonElement("fp")]
    public string Fingerprint { get; set; } = "";
    public string Host { get; set; } = "";
    public string Model { get; set; } = "";
    public int Month { get; set; }
    public List<int> Keys { get; set; } = [];

    public static MongoTransparencyContributionDocument From(TransparencyContribution contribution, string fingerprint) => new()
    {
        Fingerprint = fingerprint,
        Host = contribution.Host,
        Model = contribution.Model,
        Month = contribution.Month,
        Keys = [.. contribution.Keys],
    };

    public TransparencyContribution ToContribution() => new(Host, Model, Month, Keys);
}
