namespace SafetyReports.Notification.Domain;

/// <param name="Route">The report's route, new or with its summary brought up to date; null when the host is not to hear of the report.</param>
/// <param name="AnnounceIfNew">An event the store appends only when it saves <paramref name="Route"/> as new (the report reached another host).</param>
public sealed record DeliveryPlan(ReportRoute? Route, IReadOnlyList<Delivery> Deliveries, OutboxMessage? AnnounceIfNew = null);

/// <summary>
/// Decides which subscriptions hear about a status change, a reminder, a changed notice, a forwarded contest,
/// a maintainers' message or a test. Delivery ids derive from the report, what happened and the subscription,
/// so a repeated event (or two planners racing) plans the same delivery, not a second one.
/// </summary>
public static class DeliveryPlanner
{
    /// <param name="knownRoute">The report's route to the host planned for, if Notification already told that host about it.</param>
    /// <param name="copy">A host serving a copy of the reported model, to plan for instead of the host the report names: the
    /// event is told to it as about its own model, and a new route to it is announced (<see cref="ReportReachedHost"/>).</param>
    public static DeliveryPlan Plan(
        ReportStatusChanged changed, ReportRoute? knownRoute, IReadOnlyList<Subscription> hostSubscriptions,
        HostReportLinks links, RetrySchedule schedule, DateTimeOffset now, ModelCopy? copy = null)
    {
        if (copy is not null)
        {
            changed = changed with { Model = new ModelReference(copy.HostId, copy.ModelId, FileDigests: copy.SharedDigests.Count > 0 ? copy.SharedDigests : null) };
        }

        var eventType = WebhookEvents.ForStatus(changed.Status);
        // Hosts hear about a report from triage on; a report rejected before it was triaged stays internal.
        // Events are not ordered: a later one that says the report was triaged opens the route too.
        if (knownRoute is null && eventType != WebhookEvents.Triaged && changed.TriagedAt is null)
        {
            return new DeliveryPlan(null, []);
        }

        var summary = ReportSummary.From(changed);
        var route = knownRoute is null
            ? new ReportRoute(changed.ReportId, changed.Model.Host, changed.Model.Id, now, null, null, summary, Via: copy?.Via ?? RouteVia.Report)
            : knownRoute with { Summary = knownRoute.Summary is { } known && known.Version >= summary.Version ? known : summary };
        var reached = copy is null
            ? null
            : OutboxMessage.For(new ReportReachedHost(changed.ReportId, copy.HostId, copy.ModelId, copy.Via, copy.SharedDigests, now), now);
        if (eventType is null)
        {
            // Still worth keeping: the host API shows the report's current status.
            return new DeliveryPlan(route, [], reached);
        }

        var payload = WebhookPayload.For(eventType, changed, links.For(changed.ReportId), now);
        var deliveries = hostSubscriptions
            .Where(s => s.Enabled && SubscriptionInterest.Wants(s, eventType, changed.Model.Id))
            .Select(s => NewDelivery(
                DeterministicId.From($"{changed.ReportId:N}/{changed.Version}/{s.Id:N}/{eventType}"),
                s, changed.ReportId, eventType, payload, schedule, now))
            .ToList();
        return new DeliveryPlan(route, deliveries, reached);
    }

    /// <summary>
    /// A report told to a host it had not reached (a re-upload found later, or sent there by the maintainers), from what the
    /// report's own route says of it: announced as <c>report.triaged</c> is, with the report's current status.
    /// </summary>
    public static DeliveryPlan PlanNewHost(
        ReportRoute reported, ModelCopy copy, IReadOnlyList<Subscription> hostSubscriptions, HostReportLinks links, RetrySchedule schedule, DateTimeOffset now)
    {
        var summary = reported.Summary ?? new ReportSummary(ReportStatuses.Triaged, 0, new ModelReference(reported.HostId, reported.ModelId), "other", null, "", reported.FirstEventAt);
        var changed = new ReportStatusChanged(
            reported.ReportId, summary.Status, null, summary.Version, summary.Model, summary.Category, summary.Severity, summary.Title, null,
            summary.ChangedAt, reported.FirstEventAt);
        var plan = Plan(changed, null, hostSubscriptions, links, schedule, now, copy);
        if (WebhookEvents.ForStatus(summary.Status) == WebhookEvents.Triaged)
        {
            return plan;
        }

        // The host hears of the report for the first time: as a triaged report, whatever became of it since.
        var payload = WebhookPayload.For(WebhookEvents.Triaged, changed with { Model = plan.Route!.Summary!.Model }, links.For(reported.ReportId), now);
        var deliveries = hostSubscriptions
            .Where(s => s.Enabled && SubscriptionInterest.Wants(s, WebhookEvents.Triaged, copy.ModelId))
            .Select(s => NewDelivery(
                DeterministicId.From($"{reported.ReportId:N}/reached/{s.Id:N}"), s, reported.ReportId, WebhookEvents.Triaged, payload, schedule, now))
            .ToList();
        return plan with { Deliveries = deliveries };
    }

    /// <summary>Reminder number <paramref name="reminder"/> of a report to the subscriptions that would hear of it.</summary>
    public static IReadOnlyList<Delivery> PlanReminder(
        ReportRoute route, int reminder, IReadOnlyList<Subscription> hostSubscriptions, HostReportLinks links, RetrySchedule schedule, DateTimeOffset now) =>
        FollowUp(route, route.HostId, WebhookEvents.Reminder, $"reminder/{reminder}",
            WebhookPayload.Reminder(route, reminder, links.For(route.ReportId), now), hostSubscriptions, schedule, now);

    /// <summary>
    /// A <c>report.updated</c> when what the host is shown changed (revision 2 on) of a report its host was told about;
    /// the store plans it only if the notice is newer than the one it keeps. A first notice is told by <c>report.triaged</c>.
    /// </summary>
    public static IReadOnlyList<Delivery> PlanNoticeUpdate(
        HostNotice notice, ReportRoute? route, IReadOnlyList<Subscription> hostSubscriptions, HostReportLinks links, RetrySchedule schedule, DateTimeOffset now) =>
        notice.Revision < 2
            ? []
            : FollowUp(route, route?.HostId ?? notice.HostId, WebhookEvents.Updated, $"notice/{notice.Revision}",
                WebhookPayload.Updated(notice.ReportId, notice.Revision, links.For(notice.ReportId), now), hostSubscriptions, schedule, now);

    /// <summary>A <c>report.contested</c> for a contest the maintainers forwarded; the reason stays out of the body.</summary>
    public static IReadOnlyList<Delivery> PlanContest(
        HostContest contest, ReportRoute? route, IReadOnlyList<Subscription> hostSubscriptions, HostReportLinks links, RetrySchedule schedule, DateTimeOffset now) =>
        FollowUp(route, contest.HostId, WebhookEvents.Contested, $"contest/{contest.Id:N}",
            WebhookPayload.Contested(contest.ReportId, contest.Id, contest.ResponseRevision, links.For(contest.ReportId), now),
            hostSubscriptions, schedule, now);

    /// <summary>A <c>report.message</c> for a maintainers' message on the thread; the text stays out of the body.</summary>
    public static IReadOnlyList<Delivery> PlanMessage(
        ThreadMessage message, ReportRoute? route, IReadOnlyList<Subscription> hostSubscriptions, HostReportLinks links, RetrySchedule schedule, DateTimeOffset now) =>
        message.From != ThreadSides.Maintainers
            ? []
            : FollowUp(route, message.HostId, WebhookEvents.Message, $"message/{message.Id:N}",
                WebhookPayload.Message(message.ReportId, message.Id, links.For(message.ReportId), now), hostSubscriptions, schedule, now);

    /// <summary>
    /// The notice that a report will be disclosed unless the host responds. A host that never heard of the report
    /// (it had no subscription when the report was triaged) gets its route now, so it can answer through the host API.
    /// </summary>
    public static DeliveryPlan PlanDisclosureNotice(
        ReportDisclosurePending pending, ReportRoute? knownRoute, IReadOnlyList<Subscription> hostSubscriptions,
        HostReportLinks links, RetrySchedule schedule, DateTimeOffset now)
    {
        var route = knownRoute ?? new ReportRoute(pending.ReportId, pending.Model.Host, pending.Model.Id, now, null, null);
        var payload = WebhookPayload.DisclosurePending(pending, links.For(pending.ReportId), now);
        var deliveries = hostSubscriptions
            .Where(s => s.Enabled && SubscriptionInterest.Wants(s, WebhookEvents.DisclosurePending, pending.Model.Id))
            .Select(s => NewDelivery(
                DeterministicId.From($"{pending.ReportId:N}/disclosure-pending/{s.Id:N}"),
                s, pending.ReportId, WebhookEvents.DisclosurePending, payload, schedule, now))
            .ToList();
        return new DeliveryPlan(route, deliveries);
    }

    /// <summary>A <c>webhook.test</c> event for one subscription; it is about no report (<see cref="Guid.Empty"/>).</summary>
    public static Delivery PlanTest(Subscription subscription, RetrySchedule schedule, DateTimeOffset now) =>
        NewDelivery(OpaqueId.New(), subscription, Guid.Empty, WebhookEvents.Test,
            WebhookPayload.Test(subscription.HostId, subscription.Id, now), schedule, now);

    /// <summary>
    /// An event about a report the host was told about (it has a route, and it is this host's) to the subscriptions
    /// covering the model that announce reports or ask for this event by name.
    /// </summary>
    private static IReadOnlyList<Delivery> FollowUp(
        ReportRoute? route, string hostId, string eventType, string what, string payload,
        IReadOnlyList<Subscription> hostSubscriptions, RetrySchedule schedule, DateTimeOffset now) =>
        route is null || route.HostId != hostId
            ? []
            : hostSubscriptions
                .Where(s => s.Enabled && s.HostId == hostId && SubscriptionInterest.Wants(s, eventType, route.ModelId))
                .Select(s => NewDelivery(DeterministicId.From($"{route.ReportId:N}/{what}/{s.Id:N}"), s, route.ReportId, eventType, payload, schedule, now))
                .ToList();

    private static Delivery NewDelivery(
        Guid id, Subscription subscription, Guid reportId, string eventType, string payload, RetrySchedule schedule, DateTimeOffset now) =>
        new(id, subscription.Id, subscription.HostId, reportId, eventType, $"msg_{id:N}", payload, DeliveryStatuses.Pending, 0,
            schedule.FirstAttempt(now), now, null);
}
