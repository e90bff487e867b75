using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>A log leaf of a host's part in a report, keyed by report, action and host (<see cref="KeyOf"/>): one per step, written once.</summary>
[MongoDocument]
public sealed class MongoLogLeafDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public Guid ReportId { get; set; }
    public string HostId { get; set; } = "";
    public string Action { get; set; } = "";
    public long LeafIndex { get; set; }

    /// <summary>The report id and the action hold no space, so the key cannot be read two ways whatever the host id is.</summary>
    public static string KeyOf(HostLogLeaf leaf) => $"{leaf.ReportId:D} {leaf.Action} {leaf.HostId}";

    public static MongoLogLeafDocument From(HostLogLeaf leaf) => new()
    {
        Id = KeyOf(leaf),
        ReportId = leaf.ReportId,
        HostId = leaf.HostId,
        Action = leaf.Action,
        LeafIndex = leaf.LeafIndex,
    };

    public HostLogLeaf ToLeaf() => new(ReportId, HostId, Action, LeafIndex);
}
