using SafetyReports.ServiceDefaults.Storage.Sqlite;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;

namespace SafetyReports.Notification.Storage;

public sealed partial class SqliteNotificationStore : IModelStore
{
    /// <summary>The served files with one digest: a seek on <c>ix_model_files_digest</c> (the benchmark test explains this very statement).</summary>
    public const string FilesByDigest = "SELECT host_id, model_id, digest FROM model_files WHERE digest = $digest";

    /// <summary>The reports carrying one digest: a seek on <c>ix_report_digests_digest</c>.</summary>
    public const string ReportsByDigest = "SELECT report_id, digest FROM report_digests WHERE digest = $digest";

    public Task SaveManifestAsync(ModelManifest manifest, IReadOnlyList<DeliveryPlan> plans, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var key = new (string, object?)[] { ("$host", manifest.HostId), ("$model", manifest.ModelId) };
            await w.ExecuteAsync("DELETE FROM model_files WHERE host_id = $host AND model_id = $model", key);
            await w.ExecuteAsync("DELETE FROM model_manifests WHERE host_id = $host AND model_id = $model", key);
            if (manifest.Digests.Count > 0)
            {
                await w.ExecuteAsync(
                    "INSERT INTO model_manifests (host_id, model_id, published_at) VALUES ($host, $model, $at)",
                    [.. key, ("$at", manifest.PublishedAt.ToUnixMs())]);
                for (var i = 0; i < manifest.Digests.Count; i++)
                {
                    await w.ExecuteAsync(
                        "INSERT INTO model_files (host_id, model_id, digest, position) VALUES ($host, $model, $digest, $position)",
                        [.. key, ("$digest", manifest.Digests[i]), ("$position", i)]);
                }
            }

            foreach (var plan in plans)
            {
                await SavePlanAsync(w, plan);
            }

            await w.AnnounceAsync(events);
        }, cancellationToken);

    public async Task<ModelManifest?> GetManifestAsync(string hostId, string modelId, CancellationToken cancellationToken)
    {
        var key = new (string, object?)[] { ("$host", hostId), ("$model", modelId) };
        var published = await QueryAsync("SELECT published_at FROM model_manifests WHERE host_id = $host AND model_id = $model", r => r.GetInt64(0), key);
        if (published.Count == 0)
        {
            return null;
        }

        var at = published[0];
        var digests = await QueryAsync("SELECT digest FROM model_files WHERE host_id = $host AND model_id = $model ORDER BY position", r => r.GetString(0), key);
        return new ModelManifest(hostId, modelId, digests, FromUnixMs(at));
    }

    public async Task<IReadOnlyList<ModelFileMatch>> FindFilesAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken)
    {
        var found = new List<ModelFileMatch>();
        foreach (var digest in digests.Distinct())
        {
            found.AddRange(await QueryAsync(FilesByDigest, r => new ModelFileMatch(r.GetString(0), r.GetString(1), r.GetString(2)), ("$digest", digest)));
        }

        return found;
    }

    public Task<Guid> LinkAliasAsync(ModelKey first, ModelKey second, DateTimeOffset at, string linkedBy, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var groups = new List<Guid>();
            foreach (var model in new[] { first, second })
            {
                groups.AddRange(await w.QueryAsync(
                    "SELECT group_id FROM model_aliases WHERE host_id = $host AND model_id = $model", r => Guid.Parse(r.GetString(0)),
                    ("$host", model.HostId), ("$model", model.ModelId)));
            }

            var plan = AliasGroups.Link(groups, () => Guid.NewGuid());
            foreach (var merged in plan.Merged)
            {
                await w.ExecuteAsync("UPDATE model_aliases SET group_id = $group WHERE group_id = $merged",
                    ("$group", plan.Group.ToString()), ("$merged", merged.ToString()));
            }

            foreach (var model in new[] { first, second }.Distinct())
            {
                await w.ExecuteAsync(
                    """
                    INSERT INTO model_aliases (host_id, model_id, group_id, linked_at, linked_by) VALUES ($host, $model, $group, $at, $by)
                    ON CONFLICT (host_id, model_id) DO NOTHING
                    """,
                    ("$host", model.HostId), ("$model", model.ModelId), ("$group", plan.Group.ToString()), ("$at", at.ToUnixMs()), ("$by", linkedBy));
            }

            return plan.Group;
        }, cancellationToken);

    public Task<bool> UnlinkAliasAsync(ModelKey model, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var group = (await w.QueryAsync(
                "DELETE FROM model_aliases WHERE host_id = $host AND model_id = $model RETURNING group_id", r => r.GetString(0),
                ("$host", model.HostId), ("$model", model.ModelId))).FirstOrDefault();
            if (group is null)
            {
                return false;
            }

            // A group of one links nothing.
            await w.ExecuteAsync(
                "DELETE FROM model_aliases WHERE group_id = $group AND (SELECT COUNT(*) FROM model_aliases WHERE group_id = $group) = 1",
                ("$group", group));
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<ModelAlias>> GetAliasGroupAsync(ModelKey model, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT a.host_id, a.model_id, a.group_id, a.linked_at, a.linked_by FROM model_aliases a
            WHERE a.group_id = (SELECT group_id FROM model_aliases WHERE host_id = $host AND model_id = $model)
            ORDER BY a.host_id, a.model_id
            """,
            r => new ModelAlias(r.GetString(0), r.GetString(1), Guid.Parse(r.GetString(2)), FromUnixMs(r.GetInt64(3)), r.GetString(4)),
            ("$host", model.HostId), ("$model", model.ModelId));

    public Task SaveReportDigestsAsync(Guid reportId, IReadOnlyList<string> digests, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            await w.ExecuteAsync("DELETE FROM report_digests WHERE report_id = $id", ("$id", reportId.ToString()));
            foreach (var digest in digests.Distinct())
            {
                await w.ExecuteAsync("INSERT INTO report_digests (report_id, digest) VALUES ($id, $digest)", ("$id", reportId.ToString()), ("$digest", digest));
            }
        }, cancellationToken);

    public async Task<IReadOnlyList<ReportDigestMatch>> FindReportsAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken)
    {
        var found = new List<(Guid ReportId, string Digest)>();
        foreach (var digest in digests.Distinct())
        {
            found.AddRange(await QueryAsync(ReportsByDigest, r => (Guid.Parse(r.GetString(0)), r.GetString(1)), ("$digest", digest)));
        }

        return ReportDigestMatches.Of(found);
    }
}
