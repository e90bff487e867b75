using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Notification.Storage;

public sealed partial class MongoNotificationStore : IRouteStore
{
    public async Task SavePlanAsync(DeliveryPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Route is null && plan.Deliveries.Count == 0)
        {
            await EnsureSetUpAsync(cancellationToken);
            return;
        }

        await InTransactionAsync(w => SavePlanAsync(w, plan), cancellationToken);
    }

    /// <summary>A plan's route (new, or its summary brought forward), its announcement if the route is new, and its deliveries.</summary>
    private async Task SavePlanAsync(MongoWrite w, DeliveryPlan plan)
    {
        if (plan.Route is { } route)
        {
            var saved = await _routes.UpdateOneAsync(
                w.Session, Builders<MongoRouteDocument>.Filter.Eq(d => d.Id, route.Id),
                MongoNotificationFilters.InsertIfAbsent(MongoRouteDocument.From(route)),
                new UpdateOptions { IsUpsert = true }, w.CancellationToken);
            if (saved.UpsertedId is not null && plan.AnnounceIfNew is { } announcement)
            {
                await w.AnnounceAsync(announcement);
            }

            if (route.Summary is { } summary)
            {
                await _routes.UpdateOneAsync(
                    w.Session, MongoNotificationFilters.SummaryOlderThan(route.Id, summary.Version),
                    MongoNotificationFilters.SetSummary(summary), cancellationToken: w.CancellationToken);
            }
        }

        await InsertDeliveriesAsync(w, plan.Deliveries);
    }

    public async Task<ReportRoute?> GetRouteAsync(Guid reportId, string hostId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var id = RouteIds.For(reportId, hostId);
        var document = await _routes.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToRoute();
    }

    public async Task<IReadOnlyList<ReportRoute>> GetRoutesOfReportAsync(Guid reportId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _routes.Find(MongoNotificationFilters.RoutesOfReport(reportId)).Sort(MongoNotificationFilters.ByHost).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToRoute()).ToList();
    }

    public async Task<RoutePage> GetRoutesAsync(string hostId, RouteCursor? after, int limit, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _routes.Find(MongoNotificationFilters.RoutesOf(hostId, after))
            .Sort(MongoNotificationFilters.RoutesNewestFirst).Limit(limit + 1).ToListAsync(cancellationToken);
        var items = documents.Take(limit).Select(d => d.ToRoute()).ToList();
        return new RoutePage(items, documents.Count > limit ? RouteCursor.After(items[^1]) : null);
    }

    public Task<AcknowledgeResult?> AcknowledgeAsync(
        Guid reportId, string hostId, string? note, DateTimeOffset at, OutboxMessage announcement, CancellationToken cancellationToken)
    {
        var acknowledgedAt = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        var id = RouteIds.For(reportId, hostId);
        return InTransactionAsync<AcknowledgeResult?>(async w =>
        {
            var route = await _routes.Find(w.Session, d => d.Id == id).FirstOrDefaultAsync(w.CancellationToken);
            if (route is null)
            {
                return null;
            }

            if (route.AcknowledgedAt is { } earlier)
            {
                return new AcknowledgeResult(earlier, false);
            }

            var recorded = await _routes.UpdateOneAsync(
                w.Session, MongoNotificationFilters.NotAcknowledged(id),
                Builders<MongoRouteDocument>.Update.Set(d => d.AcknowledgedAt, acknowledgedAt).Set(d => d.AcknowledgementNote, note),
                cancellationToken: w.CancellationToken);
            if (recorded.MatchedCount != 1)
            {
                throw new MongoConflictException($"The route of {reportId} to {hostId} was acknowledged concurrently.");
            }

            await w.AnnounceAsync(announcement);
            return new AcknowledgeResult(acknowledgedAt, true);
        }, cancellationToken);
    }

    public Task<bool> SaveResponseAsync(
        ReportRoute updated, int expectedRevision, bool wasAcknowledged, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var result = await _routes.UpdateOneAsync(
                w.Session, MongoNotificationFilters.AtResponseRevision(updated.Id, expectedRevision, wasAcknowledged),
                MongoNotificationFilters.SetResponse(updated), cancellationToken: w.CancellationToken);
            if (result.MatchedCount == 1)
            {
                await w.AnnounceAsync(events);
            }

            return result.MatchedCount == 1;
        }, cancellationToken);

    public async Task<IReadOnlyList<ReportRoute>> GetRoutesAwaitingAcknowledgementAsync(DateTimeOffset lastContactBefore, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _routes.Find(MongoNotificationFilters.AwaitingAcknowledgement(lastContactBefore))
            .Sort(MongoNotificationFilters.LongestWaitingFirst).Limit(max).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToRoute()).ToList();
    }

    public Task<bool> SaveReminderAsync(
        Guid reportId, string hostId, int expectedRemindersSent, DateTimeOffset at, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var result = await _routes.UpdateOneAsync(
                w.Session, MongoNotificationFilters.AtReminder(RouteIds.For(reportId, hostId), expectedRemindersSent), MongoNotificationFilters.Reminded(at),
                cancellationToken: w.CancellationToken);
            if (result.MatchedCount != 1)
            {
                return false;
            }

            await InsertDeliveriesAsync(w, deliveries);
            return true;
        }, cancellationToken);
}
