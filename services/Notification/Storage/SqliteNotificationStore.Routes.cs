using Microsoft.Data.Sqlite;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Notification.Storage;

public sealed partial class SqliteNotificationStore : IRouteStore
{
    private const string RouteColumns =
        "report_id, host_id, model_id, first_event_at, acknowledged_at, acknowledgement_note, summary, response, responded_at, response_revision, response_updated_at, last_reminded_at, reminders_sent, via";

    private const string OneRoute = "report_id = $id AND host_id = $host";

    public Task SavePlanAsync(DeliveryPlan plan, CancellationToken cancellationToken) =>
        WriteAsync(w => SavePlanAsync(w, plan), cancellationToken);

    /// <summary>A plan's route (new, or its summary brought forward), its announcement if the route is new, and its deliveries.</summary>
    private static async Task SavePlanAsync(SqliteWrite w, DeliveryPlan plan)
    {
        if (plan.Route is { } route)
        {
            var known = await w.QueryAsync($"SELECT 1 FROM host_routes WHERE {OneRoute}", r => r.GetInt32(0),
                ("$id", route.ReportId.ToString()), ("$host", route.HostId));
            await w.ExecuteAsync(
                """
                INSERT INTO host_routes (report_id, host_id, model_id, via, first_event_at, summary, summary_version, report_status)
                VALUES ($id, $host, $model, $via, $at, $summary, $version, $status)
                ON CONFLICT (report_id, host_id) DO UPDATE SET summary = excluded.summary, summary_version = excluded.summary_version,
                    report_status = excluded.report_status
                WHERE excluded.summary_version IS NOT NULL AND (host_routes.summary_version IS NULL OR host_routes.summary_version < excluded.summary_version)
                """,
                ("$id", route.ReportId.ToString()), ("$host", route.HostId), ("$model", route.ModelId), ("$via", route.Via),
                ("$at", route.FirstEventAt.ToUnixMs()),
                ("$summary", route.Summary is null ? null : JsonSerializer.Serialize(route.Summary, Json)),
                ("$version", route.Summary?.Version), ("$status", route.Summary?.Status));
            if (known.Count == 0 && plan.AnnounceIfNew is { } announcement)
            {
                await w.AnnounceAsync(announcement);
            }
        }

        await InsertDeliveriesAsync(w, plan.Deliveries);
    }

    public Task<ReportRoute?> GetRouteAsync(Guid reportId, string hostId, CancellationToken cancellationToken) =>
        QueryFirstAsync($"SELECT {RouteColumns} FROM host_routes WHERE {OneRoute}", ReadRoute, ("$id", reportId.ToString()), ("$host", hostId));

    public async Task<IReadOnlyList<ReportRoute>> GetRoutesOfReportAsync(Guid reportId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {RouteColumns} FROM host_routes WHERE report_id = $id ORDER BY host_id", ReadRoute, ("$id", reportId.ToString()));

    public async Task<RoutePage> GetRoutesAsync(string hostId, RouteCursor? after, int limit, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"""
            SELECT {RouteColumns} FROM host_routes
            WHERE host_id = $host AND ($afterAt IS NULL OR first_event_at < $afterAt OR (first_event_at = $afterAt AND report_id < $afterId))
            ORDER BY first_event_at DESC, report_id DESC LIMIT $limit
            """,
            ReadRoute, ("$host", hostId), ("$afterAt", after?.FirstEventAt.ToUnixMs()), ("$afterId", after?.ReportId.ToString()),
            ("$limit", limit + 1));
        var items = rows.Take(limit).ToList();
        return new RoutePage(items, rows.Count > limit ? RouteCursor.After(items[^1]) : null);
    }

    public Task<AcknowledgeResult?> AcknowledgeAsync(
        Guid reportId, string hostId, string? note, DateTimeOffset at, OutboxMessage announcement, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var key = new (string, object?)[] { ("$id", reportId.ToString()), ("$host", hostId) };
            var route = (await w.QueryAsync($"SELECT {RouteColumns} FROM host_routes WHERE {OneRoute}", ReadRoute, key)).FirstOrDefault();
            if (route is null)
            {
                return null;
            }

            if (route.AcknowledgedAt is { } earlier)
            {
                return new AcknowledgeResult(earlier, false);
            }

            await w.ExecuteAsync(
                $"UPDATE host_routes SET acknowledged_at = $at, acknowledgement_note = $note WHERE {OneRoute}",
                [.. key, ("$at", at.ToUnixMs()), ("$note", note)]);
            await w.AnnounceAsync(announcement);
            return new AcknowledgeResult(FromUnixMs(at.ToUnixMs()), true);
        }, cancellationToken);

    public Task<bool> SaveResponseAsync(
        ReportRoute updated, int expectedRevision, bool wasAcknowledged, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var saved = await w.ChangesOneAsync(
                $"""
                UPDATE host_routes SET response = $response, responded_at = $respondedAt, response_revision = $revision,
                    response_updated_at = $updatedAt, acknowledged_at = $acknowledgedAt, acknowledgement_note = $note
                WHERE {OneRoute} AND response_revision = $expected AND (acknowledged_at IS NOT NULL) = $wasAcknowledged
                """,
                ("$id", updated.ReportId.ToString()), ("$host", updated.HostId),
                ("$response", updated.Response is null ? null : JsonSerializer.Serialize(updated.Response, Json)),
                ("$respondedAt", updated.RespondedAt?.ToUnixMs()), ("$revision", updated.ResponseRevision),
                ("$updatedAt", updated.ResponseUpdatedAt?.ToUnixMs()), ("$acknowledgedAt", updated.AcknowledgedAt?.ToUnixMs()),
                ("$note", updated.AcknowledgementNote), ("$expected", expectedRevision), ("$wasAcknowledged", wasAcknowledged ? 1 : 0));
            if (saved)
            {
                await w.AnnounceAsync(events);
            }

            return saved;
        }, cancellationToken);

    public async Task<IReadOnlyList<ReportRoute>> GetRoutesAwaitingAcknowledgementAsync(DateTimeOffset lastContactBefore, int max, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT {RouteColumns} FROM host_routes
            WHERE acknowledged_at IS NULL AND COALESCE(last_reminded_at, first_event_at) <= $before
                AND (report_status IS NULL OR report_status NOT IN ('resolved', 'rejected', 'duplicate'))
            ORDER BY COALESCE(last_reminded_at, first_event_at), report_id, host_id LIMIT $max
            """,
            ReadRoute, ("$before", lastContactBefore.ToUnixMs()), ("$max", max));

    public Task<bool> SaveReminderAsync(
        Guid reportId, string hostId, int expectedRemindersSent, DateTimeOffset at, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var recorded = await w.ChangesOneAsync(
                $"""
                UPDATE host_routes SET reminders_sent = reminders_sent + 1, last_reminded_at = $at
                WHERE {OneRoute} AND reminders_sent = $expected AND acknowledged_at IS NULL
                """,
                ("$id", reportId.ToString()), ("$host", hostId), ("$at", at.ToUnixMs()), ("$expected", expectedRemindersSent));
            if (recorded)
            {
                await InsertDeliveriesAsync(w, deliveries);
            }

            return recorded;
        }, cancellationToken);

    private static ReportRoute ReadRoute(SqliteDataReader r) => new(
        Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), FromUnixMs(r.GetInt64(3)), r.GetNullableTime(4), r.GetNullableString(5),
        r.GetNullableString(6) is { } summary ? JsonSerializer.Deserialize<ReportSummary>(summary, Json) : null,
        r.GetNullableString(7) is { } response ? JsonSerializer.Deserialize<HostResponse>(response, Json) : null,
        r.GetNullableTime(8), r.GetInt32(9), r.GetNullableTime(10), r.GetNullableTime(11), r.GetInt32(12), r.GetString(13));
}
