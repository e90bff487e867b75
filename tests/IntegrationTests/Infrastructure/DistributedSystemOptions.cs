namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>How a <see cref="DistributedSystem"/> is started beyond its defaults.</summary>
public sealed class DistributedSystemOptions
{
    /// <summary>Configuration keys for every process, over the defaults.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Configuration keys for one service's processes ("Triage", "Notification", …), over <see cref="Settings"/>.</summary>
    public Dictionary<string, Dictionary<string, string>> ServiceSettings { get; init; } = [];

    /// <summary>Triage processes sharing one SQLite file (WAL; one machine) and competing for its queues.</summary>
    public int TriageReplicas { get; init; } = 1;

    /// <summary>Notification processes sharing one SQLite file and competing for its queues and deliveries.</summary>
    public int NotificationReplicas { get; init; } = 1;
}
