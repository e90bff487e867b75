using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

public sealed partial class MongoNotificationStore : IModelStore
{
    public Task SaveManifestAsync(ModelManifest manifest, IReadOnlyList<DeliveryPlan> plans, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var id = manifest.Key.ToString();
            if (manifest.Digests.Count == 0)
            {
                await _manifests.DeleteOneAsync(w.Session, d => d.Id == id, cancellationToken: w.CancellationToken);
            }
            else
            {
                await _manifests.ReplaceOneAsync(
                    w.Session, d => d.Id == id, MongoModelManifestDocument.From(manifest), new ReplaceOptions { IsUpsert = true }, w.CancellationToken);
            }

            foreach (var plan in plans)
            {
                await SavePlanAsync(w, plan);
            }

            await w.AnnounceAsync(events);
        }, cancellationToken);

    public async Task<ModelManifest?> GetManifestAsync(string hostId, string modelId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var id = new ModelKey(hostId, modelId).ToString();
        var document = await _manifests.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToManifest();
    }

    public async Task<IReadOnlyList<ModelFileMatch>> FindFilesAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var wanted = digests.Distinct().ToList();
        var documents = await _manifests.Find(MongoNotificationFilters.ManifestsWithAny(wanted)).ToListAsync(cancellationToken);
        return documents
            .SelectMany(d => d.Digests.Intersect(wanted).Select(digest => new ModelFileMatch(d.HostId, d.ModelId, digest)))
            .ToList();
    }

    public Task<Guid> LinkAliasAsync(ModelKey first, ModelKey second, DateTimeOffset at, string linkedBy, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var keys = new[] { first.ToString(), second.ToString() };
            var present = await _aliases.Find(w.Session, MongoNotificationFilters.AliasesWithIds(keys)).ToListAsync(w.CancellationToken);
            var link = AliasGroups.Link(present.Select(d => d.GroupId).ToList(), () => Guid.NewGuid());
            if (link.Merged.Count > 0)
            {
                await _aliases.UpdateManyAsync(
                    w.Session, MongoNotificationFilters.AliasesInGroups(link.Merged), MongoNotificationFilters.MoveToGroup(link.Group),
                    cancellationToken: w.CancellationToken);
            }

            foreach (var model in new[] { first, second }.Distinct())
            {
                var document = MongoModelAliasDocument.From(new ModelAlias(model.HostId, model.ModelId, link.Group, at, linkedBy));
                await _aliases.UpdateOneAsync(
                    w.Session, Builders<MongoModelAliasDocument>.Filter.Eq(d => d.Id, document.Id),
                    MongoNotificationFilters.InsertIfAbsent(document), new UpdateOptions { IsUpsert = true }, w.CancellationToken);
            }

            return link.Group;
        }, cancellationToken);

    public Task<bool> UnlinkAliasAsync(ModelKey model, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var id = model.ToString();
            var removed = await _aliases.FindOneAndDeleteAsync(w.Session, d => d.Id == id, cancellationToken: w.CancellationToken);
            if (removed is null)
            {
                return false;
            }

            // A group of one links nothing.
            var left = await _aliases.Find(w.Session, MongoNotificationFilters.AliasesInGroups([removed.GroupId])).Limit(2).ToListAsync(w.CancellationToken);
            if (left.Count == 1)
            {
                await _aliases.DeleteOneAsync(w.Session, d => d.Id == left[0].Id, cancellationToken: w.CancellationToken);
            }

            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<ModelAlias>> GetAliasGroupAsync(ModelKey model, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var id = model.ToString();
        var own = await _aliases.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        if (own is null)
        {
            return [];
        }

        var members = await _aliases.Find(MongoNotificationFilters.AliasesInGroups([own.GroupId])).ToListAsync(cancellationToken);
        return members.Select(d => d.ToAlias()).OrderBy(a => a.HostId, StringComparer.Ordinal).ThenBy(a => a.ModelId, StringComparer.Ordinal).ToList();
    }

    public async Task SaveReportDigestsAsync(Guid reportId, IReadOnlyList<string> digests, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        await _reportDigests.ReplaceOneAsync(
            d => d.ReportId == reportId, new MongoReportDigestsDocument { ReportId = reportId, Digests = [.. digests.Distinct()] },
            new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }

    public async Task<IReadOnlyList<ReportDigestMatch>> FindReportsAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var wanted = digests.Distinct().ToList();
        var documents = await _reportDigests.Find(MongoNotificationFilters.ReportsWithAny(wanted)).ToListAsync(cancellationToken);
        return ReportDigestMatches.Of(documents.SelectMany(d => d.Digests.Intersect(wanted).Select(digest => (d.ReportId, digest))));
    }
}
