using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification;

/// <summary>
/// One report, many hosts: a report's status events are planned for the host it names and for every host serving a copy of
/// its model (a file digest their manifest shares with the report, or an alias the maintainers linked), each on its own
/// route (acknowledgement, response, reminders, figures); a host without an enabled subscription is written to instead.
/// Copies are looked up through the digest index on every event that opens routes, so a host found since the report was
/// triaged hears of it with the next event; a host reached once keeps hearing of the report.
/// </summary>
public sealed class ReportFanOut(
    IRouteStore routes,
    ISubscriptionStore subscriptions,
    IModelStore models,
    DeliverySignal signal,
    HostReportLinks links,
    HostMails mails,
    IOptions<NotificationOptions> options,
    TimeProvider clock)
{
    private readonly RetrySchedule _schedule = options.Value.BuildRetrySchedule();

    /// <summary>Plans a status event for the report's host and every host serving a copy of its model.</summary>
    public async Task StatusChangedAsync(ReportStatusChanged changed, CancellationToken cancellationToken)
    {
        // Whether a report without a route yet gets one is the planner's to decide: events are not ordered, and a
        // resolved event consumed before (or together with) the triaged one opens the route as that one would.
        var own = await PlanAsync(changed, null, cancellationToken);
        if (own is null)
        {
            return;
        }

        await models.SaveReportDigestsAsync(changed.ReportId, changed.Model.Digests(), cancellationToken);
        foreach (var copy in await TargetsAsync(changed.ReportId, changed.Model, cancellationToken))
        {
            await PlanAsync(changed, copy, cancellationToken);
        }
    }

    /// <summary>
    /// The maintainers changed a triaged report's digests: kept for later manifests, and the hosts now found serving a copy are
    /// told of the report as its host was (from what its route says of it).
    /// </summary>
    public async Task ModelChangedAsync(ReportModelChanged changed, CancellationToken cancellationToken)
    {
        if (await routes.GetRouteAsync(changed.ReportId, changed.Model.Host, cancellationToken) is not { } reported)
        {
            return;
        }

        await models.SaveReportDigestsAsync(changed.ReportId, changed.Model.Digests(), cancellationToken);
        var reached = (await routes.GetRoutesOfReportAsync(changed.ReportId, cancellationToken)).Select(r => r.HostId).ToHashSet();
        foreach (var copy in (await FindCopiesAsync(changed.Model, cancellationToken)).Where(c => !reached.Contains(c.HostId)))
        {
            await TellNewHostAsync(reported, copy, cancellationToken);
        }
    }

    /// <summary>The maintainers sent the report to a host serving a copy; nothing when it reached that host already, or was never told to its own.</summary>
    public async Task SharedWithHostAsync(ReportSharedWithHost shared, CancellationToken cancellationToken)
    {
        var all = await routes.GetRoutesOfReportAsync(shared.ReportId, cancellationToken);
        if (all.FirstOrDefault(r => r.Via == RouteVia.Report) is not { } reported || all.Any(r => r.HostId == shared.HostId))
        {
            return;
        }

        await TellNewHostAsync(reported, new ModelCopy(shared.HostId, shared.ModelId, RouteVia.Maintainers, []), cancellationToken);
    }

    /// <summary>Where else the model is served: by shared digests (an index seek per digest) and by alias.</summary>
    public async Task<IReadOnlyList<ModelCopy>> FindCopiesAsync(ModelReference model, CancellationToken cancellationToken)
    {
        var files = model.Digests().Count == 0 ? [] : await models.FindFilesAsync(model.Digests(), cancellationToken);
        var aliases = await models.GetAliasGroupAsync(new ModelKey(model.Host, model.Id), cancellationToken);
        return ModelCopies.Find(model, files, aliases.Select(a => a.Key).ToList());
    }

    /// <summary>The plan that tells a host a report it has not heard of, from the report's own route (for a manifest's write).</summary>
    public async Task<DeliveryPlan> PlanNewHostAsync(ReportRoute reported, ModelCopy copy, CancellationToken cancellationToken) =>
        DeliveryPlanner.PlanNewHost(reported, copy, await subscriptions.GetSubscriptionsAsync(copy.HostId, cancellationToken), links, _schedule, clock.GetUtcNow());

    /// <summary>Wakes the dispatcher for stored deliveries and writes to the hosts without a subscription.</summary>
    public async Task AfterNewHostsAsync(IReadOnlyList<DeliveryPlan> saved, CancellationToken cancellationToken)
    {
        if (saved.Any(p => p.Deliveries.Count > 0))
        {
            signal.Notify();
        }

        foreach (var plan in saved)
        {
            await MailNewHostAsync(plan, cancellationToken);
        }
    }

    /// <summary>The routes the report has to other hosts (they keep hearing of it) and the copies found now on hosts not reached yet.</summary>
    private async Task<IReadOnlyList<ModelCopy>> TargetsAsync(Guid reportId, ModelReference model, CancellationToken cancellationToken)
    {
        var known = (await routes.GetRoutesOfReportAsync(reportId, cancellationToken))
            .Where(r => r.Via != RouteVia.Report)
            .Select(r => new ModelCopy(r.HostId, r.ModelId, r.Via, r.Summary?.Model.Digests() ?? []))
            .ToList();
        var found = (await FindCopiesAsync(model, cancellationToken)).Where(c => known.All(k => k.HostId != c.HostId));
        return [.. known, .. found];
    }

    /// <returns>The saved plan; null when the host is not to hear of the report.</returns>
    private async Task<DeliveryPlan?> PlanAsync(ReportStatusChanged changed, ModelCopy? copy, CancellationToken cancellationToken)
    {
        var hostId = copy?.HostId ?? changed.Model.Host;
        var route = await routes.GetRouteAsync(changed.ReportId, hostId, cancellationToken);
        var hostSubscriptions = await subscriptions.GetSubscriptionsAsync(hostId, cancellationToken);
        var plan = DeliveryPlanner.Plan(changed, route, hostSubscriptions, links, _schedule, clock.GetUtcNow(), copy);
        if (plan.Route is null)
        {
            return null;
        }

        await routes.SavePlanAsync(plan, cancellationToken);
        if (plan.Deliveries.Count > 0)
        {
            signal.Notify();
        }

        await mails.StatusChangedAsync(copy is null ? changed : changed with { Model = plan.Route.Summary!.Model }, hostSubscriptions, cancellationToken);
        return plan;
    }

    private async Task TellNewHostAsync(ReportRoute reported, ModelCopy copy, CancellationToken cancellationToken)
    {
        var plan = await PlanNewHostAsync(reported, copy, cancellationToken);
        await routes.SavePlanAsync(plan, cancellationToken);
        await AfterNewHostsAsync([plan], cancellationToken);
    }

    private async Task MailNewHostAsync(DeliveryPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Route?.Summary is not { } summary)
        {
            return;
        }

        var told = new ReportStatusChanged(
            plan.Route.ReportId, ReportStatuses.Triaged, null, summary.Version, summary.Model, summary.Category, summary.Severity, summary.Title,
            null, summary.ChangedAt, plan.Route.FirstEventAt);
        await mails.StatusChangedAsync(told, await subscriptions.GetSubscriptionsAsync(plan.Route.HostId, cancellationToken), cancellationToken);
    }
}
