namespace SafetyReports.Notification.Storage;

/// <summary>
/// The reports told to hosts, a route per report and host (a report reaches the host it names and every host found serving a
/// copy of its model): what the host was told, its acknowledgement and response, the reminders it was sent; and the deliveries
/// planned about them.
/// </summary>
public interface IRouteStore
{
    /// <summary>
    /// In one transaction: saves the route if new (with the plan's announcement, if any), or else brings its summary forward if
    /// the plan's is newer (by version); and saves each delivery not already planned (by id).
    /// </summary>
    Task SavePlanAsync(DeliveryPlan plan, CancellationToken cancellationToken);

    /// <summary>The report's route to one host; null when the report never reached that host.</summary>
    Task<ReportRoute?> GetRouteAsync(Guid reportId, string hostId, CancellationToken cancellationToken);

    /// <summary>Every host the report reached, by host id.</summary>
    Task<IReadOnlyList<ReportRoute>> GetRoutesOfReportAsync(Guid reportId, CancellationToken cancellationToken);

    /// <summary>A host's routes, newest first, after <paramref name="after"/>.</summary>
    Task<RoutePage> GetRoutesAsync(string hostId, RouteCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Records the first acknowledgement and its event atomically; later calls change nothing. Null when no route.</summary>
    Task<AcknowledgeResult?> AcknowledgeAsync(Guid reportId, string hostId, string? note, DateTimeOffset at, OutboxMessage announcement, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the route's response fields (and acknowledgement) with their events, if the route is still at
    /// <paramref name="expectedRevision"/> and still (un)acknowledged as <paramref name="wasAcknowledged"/> says; false otherwise.
    /// </summary>
    Task<bool> SaveResponseAsync(ReportRoute updated, int expectedRevision, bool wasAcknowledged, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    /// <summary>Unacknowledged routes whose host was last told about them at or before <paramref name="lastContactBefore"/>, oldest contact first.</summary>
    Task<IReadOnlyList<ReportRoute>> GetRoutesAwaitingAcknowledgementAsync(DateTimeOffset lastContactBefore, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Records reminder number <c><paramref name="expectedRemindersSent"/> + 1</c> and its deliveries, if no other planner did;
    /// false when the route moved on (nothing is written).
    /// </summary>
    Task<bool> SaveReminderAsync(Guid reportId, string hostId, int expectedRemindersSent, DateTimeOffset at, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);
}
