using MassTransit;
using SafetyReports.Notification.Storage;

namespace SafetyReports.Notification;

/// <summary>
/// A host's answers about the reports it was told about (acknowledgement, statement of reasons, messages to the
/// maintainers), applied to the store with their events.
/// </summary>
public sealed class HostReports(IRouteStore routes, IHostLoopStore hostLoop, IBus bus, TimeProvider clock)
{
    private const int MaxConflictRetries = 10;

    /// <summary>The route if it belongs to <paramref name="hostId"/>; another host's report looks exactly like a missing one.</summary>
    public async Task<ReportRoute?> FindAsync(string hostId, Guid reportId, CancellationToken cancellationToken)
    {
        var route = await routes.GetRouteAsync(reportId, hostId, cancellationToken);
        return route is not null && route.HostId == hostId ? route : null;
    }

    public async Task<AcknowledgeResult?> AcknowledgeAsync(string hostId, Guid reportId, string? note, CancellationToken cancellationToken)
    {
        if (await FindAsync(hostId, reportId, cancellationToken) is null)
        {
            return null;
        }

        var now = Now();
        var result = await routes.AcknowledgeAsync(reportId, hostId, note, now, OutboxMessage.For(new HostAcknowledged(reportId, hostId, note, now), now), cancellationToken);
        if (result is { First: false })
        {
            // Announced again (Triage records it once): a host that acknowledges again heals a lost event.
            await bus.Publish(new HostAcknowledged(reportId, hostId, note, result.AcknowledgedAt), cancellationToken);
        }

        return result;
    }

    /// <returns>The decision recorded (or the unchanged route for a repeat); null when the host has no such report.</returns>
    public async Task<ResponseDecision?> RespondAsync(string hostId, Guid reportId, HostResponse response, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var route = await FindAsync(hostId, reportId, cancellationToken);
            if (route is null)
            {
                return null;
            }

            var now = Now();
            var decision = HostResponseRules.Apply(route, response, now);
            if (!decision.Changed)
            {
                return decision;
            }

            var events = new List<OutboxMessage>();
            if (decision.Acknowledged is { } acknowledged)
            {
                events.Add(OutboxMessage.For(acknowledged, now));
            }

            events.Add(OutboxMessage.For(decision.Responded!, now));
            if (await routes.SaveResponseAsync(decision.Route, route.ResponseRevision, route.AcknowledgedAt is not null, events, cancellationToken))
            {
                return decision;
            }
        }

        throw new InvalidOperationException($"The route of {reportId} kept changing while a response was recorded.");
    }

    /// <summary>The report's thread with this host, oldest first; null when the host has no such report.</summary>
    public async Task<IReadOnlyList<ThreadMessage>?> ThreadAsync(string hostId, Guid reportId, CancellationToken cancellationToken) =>
        await FindAsync(hostId, reportId, cancellationToken) is null ? null : await hostLoop.GetMessagesAsync(reportId, hostId, cancellationToken);

    /// <summary>Adds the host's message to the thread and, in the same write, its announcement to the maintainers; null when the host has no such report.</summary>
    public async Task<ThreadMessage?> WriteAsync(string hostId, Guid reportId, string text, CancellationToken cancellationToken)
    {
        if (await FindAsync(hostId, reportId, cancellationToken) is null)
        {
            return null;
        }

        var (message, announcement) = ThreadMessage.ByHost(reportId, hostId, text, clock.GetUtcNow());
        await hostLoop.AddMessageAsync(message, [], OutboxMessage.For(announcement, message.SentAt), cancellationToken);
        return message;
    }

    // What we answer is what a later read returns.
    private DateTimeOffset Now() => StoredTime.Of(clock.GetUtcNow());
}
