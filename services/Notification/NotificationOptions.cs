using SafetyReports.Notification.Domain;

namespace SafetyReports.Notification;

/// <summary>Bound from <c>SafetyReports:Notification</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "SafetyReports:Notification";

    /// <summary>Allow webhook targets on loopback and private networks: development and tests only.</summary>
    public bool AllowPrivateNetworkTargets { get; set; }

    /// <summary>Entry N is the delay before attempt N+1. Empty means the Svix-like default.</summary>
    public List<TimeSpan> RetrySchedule { get; set; } = [];

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the dispatcher looks for due deliveries that no local signal announced.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many deliveries are sent at once by one process.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 16;

    public RetrySchedule BuildRetrySchedule() =>
        new(RetrySchedule.Count == 0 ? Domain.RetrySchedule.SvixDefault : RetrySchedule);
}
