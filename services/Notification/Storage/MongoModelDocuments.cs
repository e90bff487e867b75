using MongoDB.Bson.Serialization.Attributes;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

/// <summary>
/// What a host serves as one model, keyed by <see cref="ModelKey"/> as text; <see cref="Digests"/> carries a multikey index
/// (<c>ix_model_manifests_digests</c>), SQLite's <c>model_files</c> rows with <c>ix_model_files_digest</c>.
/// </summary>
[MongoDocument]
public sealed class MongoModelManifestDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public string HostId { get; set; } = "";
    public string ModelId { get; set; } = "";
    public List<string> Digests { get; set; } = [];
    public DateTimeOffset PublishedAt { get; set; }

    public static MongoModelManifestDocument From(ModelManifest manifest) => new()
    {
        Id = manifest.Key.ToString(),
        HostId = manifest.HostId,
        ModelId = manifest.ModelId,
        Digests = [.. manifest.Digests],
        PublishedAt = manifest.PublishedAt,
    };

    public ModelManifest ToManifest() => new(HostId, ModelId, Digests, PublishedAt);
}

/// <summary>A model in an alias group, keyed by <see cref="ModelKey"/> as text; the group is read through <c>ix_model_aliases_group</c>.</summary>
[MongoDocument]
public sealed class MongoModelAliasDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public string HostId { get; set; } = "";
    public string ModelId { get; set; } = "";
    public Guid GroupId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public string LinkedBy { get; set; } = "";

    public static MongoModelAliasDocument From(ModelAlias alias) => new()
    {
        Id = alias.Key.ToString(),
        HostId = alias.HostId,
        ModelId = alias.ModelId,
        GroupId = alias.GroupId,
        LinkedAt = alias.LinkedAt,
        LinkedBy = alias.LinkedBy,
    };

    public ModelAlias ToAlias() => new(HostId, ModelId, GroupId, LinkedAt, LinkedBy);
}

/// <summary>The digests a report carries, keyed by the report id; <see cref="Digests"/> carries a multikey index (<c>ix_report_digests_digests</c>).</summary>
[MongoDocument]
public sealed class MongoReportDigestsDocument
{
    [BsonId]
    public Guid ReportId { get; set; }
    public List<string> Digests { get; set; } = [];
}
