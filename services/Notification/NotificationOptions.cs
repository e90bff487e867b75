namespace SafetyReports.Notification;

/// <summary>Bound from <c>SafetyReports:Notification</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "SafetyReports:Notification";

    /// <summary>Allow webhook targets on loopback and private networks: development and tests only. Cloud metadata stays refused.</summary>
    public bool AllowPrivateNetworkTargets { get; set; }

    /// <summary>Entry N is the delay before attempt N+1. Empty means the Svix-like default.</summary>
    public List<TimeSpan> RetrySchedule { get; set; } = [];

    /// <summary>Each retry delay varies by up to this fraction either way (0.1 = ±10 %); 0 turns jitter off.</summary>
    public double RetryJitter { get; set; } = Domain.RetryJitter.DefaultFraction;

    /// <summary>The most one attempt may take: connecting, sending and reading the first bytes of the answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the dispatcher looks for due deliveries that no local signal announced (retries fall due this way).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many attempts run at once in one process, over all endpoints.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 64;

    /// <summary>At most this many attempts run at once against one endpoint (scheme, host and port of the URL).</summary>
    public int MaxConcurrentPerEndpoint { get; set; } = 4;

    /// <summary>At most this many deliveries wait or run per endpoint; more are handed back to the store for later.</summary>
    public int EndpointQueueCapacity { get; set; } = 32;

    /// <summary>After a secret rotation the previous secret keeps signing this long.</summary>
    public TimeSpan SecretRotationGracePeriod { get; set; } = SigningSecrets.DefaultGracePeriod;

    /// <summary>A subscription whose every attempt failed for this long is disabled.</summary>
    public TimeSpan AutoDisableAfter { get; set; } = EndpointHealth.DefaultAutoDisableAfter;

    /// <summary>A host is reminded of an unacknowledged report this often.</summary>
    public TimeSpan ReminderInterval { get; set; } = ReminderRule.DefaultInterval;

    /// <summary>How often the reminder planner looks for reports due a reminder.</summary>
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Test-sends allowed per subscription per minute (sliding), whoever asks.</summary>
    public int TestSendsPerMinute { get; set; } = TestSendThrottle.DefaultPerMinute;

    /// <summary>
    /// Where hosts reach this deployment's host API (e.g. <c>https://reports.example.org</c>): report webhooks link to
    /// <c>{PublicBaseUrl}/api/v1/host/reports/{id}</c>. Unset, they carry the path alone. An absolute http(s) URL.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public RetrySchedule BuildRetrySchedule() =>
        new(RetrySchedule.Count == 0 ? Domain.RetrySchedule.SvixDefault : RetrySchedule);

    public bool IsValid() =>
        AttemptTimeout > TimeSpan.Zero && PollInterval > TimeSpan.Zero && MaxConcurrentDeliveries > 0 && MaxConcurrentPerEndpoint > 0
        && EndpointQueueCapacity >= MaxConcurrentPerEndpoint && RetrySchedule.All(d => d >= TimeSpan.Zero) && RetryJitter is >= 0 and < 1
        && SecretRotationGracePeriod >= TimeSpan.Zero && AutoDisableAfter > TimeSpan.Zero && ReminderInterval > TimeSpan.Zero
        && ReminderCheckInterval > TimeSpan.Zero && TestSendsPerMinute > 0;

    /// <summary>
    /// How long a dispatcher holds a delivery: long enough to wait through a full endpoint queue and make
    /// the attempt, so that no other dispatcher sends it meanwhile.
    /// </summary>
    public TimeSpan Lease =>
        AttemptTimeout * ((EndpointQueueCapacity + MaxConcurrentPerEndpoint - 1) / MaxConcurrentPerEndpoint + 1) + TimeSpan.FromSeconds(30);
}
