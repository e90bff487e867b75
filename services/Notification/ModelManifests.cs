using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification;

/// <summary>
/// A host publishes what it serves as a model (<c>PUT /api/v1/host/models/{modelId}/files</c>). The manifest replaces the one
/// before; its digests are matched (an index seek each) against the reports told to hosts, and a report sharing a digest with
/// it that has not reached this host as this model is a re-upload of a reported model: the maintainers are alerted
/// (<see cref="ModelReuploadDetected"/>); an open report is told to the host at once (its own route, as a triaged report is
/// told), a closed one only when the maintainers send it (<see cref="ReportSharedWithHost"/>). The manifest, the new routes
/// and deliveries and the alerts are written in one transaction.
/// </summary>
public sealed class ModelManifests(IModelStore models, IRouteStore routes, ReportFanOut fanOut, TimeProvider clock)
{
    public async Task<ModelManifest> PublishAsync(string hostId, string modelId, IReadOnlyList<string> digests, CancellationToken cancellationToken)
    {
        var now = StoredTime.Of(clock.GetUtcNow());
        var manifest = new ModelManifest(hostId, modelId, digests, now);
        var plans = new List<DeliveryPlan>();
        var alerts = new List<OutboxMessage>();
        var matches = digests.Count == 0 ? [] : await models.FindReportsAsync(digests, cancellationToken);
        foreach (var match in matches)
        {
            var reached = await routes.GetRoutesOfReportAsync(match.ReportId, cancellationToken);
            if (reached.FirstOrDefault(r => r.Via == RouteVia.Report) is not { Summary: { } summary } reported
                || reached.Any(r => r.HostId == hostId && r.ModelId == modelId))
            {
                continue;
            }

            // A host the report reached already (as another of its models) knows of it: the maintainers still hear of the copy.
            var notify = !summary.IsClosed && reached.All(r => r.HostId != hostId);
            if (notify)
            {
                plans.Add(await fanOut.PlanNewHostAsync(reported, new ModelCopy(hostId, modelId, RouteVia.Reupload, match.Digests), cancellationToken));
            }

            alerts.Add(OutboxMessage.For(new ModelReuploadDetected(match.ReportId, hostId, modelId, match.Digests, summary.Status, notify, now), now));
        }

        await models.SaveManifestAsync(manifest, plans, alerts, cancellationToken);
        await fanOut.AfterNewHostsAsync(plans, cancellationToken);
        return manifest;
    }
}
