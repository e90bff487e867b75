namespace SafetyReports.Notification.Webhooks;

/// <summary>The HTTP stack webhooks go out on: every connection through the guard, no redirects, no proxy, no cookies.</summary>
public static class WebhookHttpHandler
{
    public static SocketsHttpHandler Create(NotificationOptions options, GuardedConnector connector) => new()
    {
        // A redirect could point anywhere, including our own network: a 3xx is a failed attempt.
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = options.AttemptTimeout < TimeSpan.FromSeconds(10) ? options.AttemptTimeout : TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = options.MaxConcurrentPerEndpoint,
        ConnectCallback = connector.ConnectAsync,
        // Our trace ids are internal: no traceparent/tracestate/baggage headers go to hosts. A no-output
        // propagator is not enough: OpenTelemetry's HttpClient instrumentation injects its own headers
        // whenever the runtime raises its diagnostics events, so those are switched off for this handler.
        ActivityHeadersPropagator = null,
    };

    public static HttpClient CreateClient(NotificationOptions options, GuardedConnector connector) =>
        // The sender bounds each attempt itself, reading the answer included.
        new(Create(options, connector)) { Timeout = Timeout.InfiniteTimeSpan };
}
