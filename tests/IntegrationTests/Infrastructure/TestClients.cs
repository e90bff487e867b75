namespace SafetyReports.IntegrationTests.Infrastructure;

public sealed record TestClient(string ClientId, string Secret, string Scope, string? HostId = null);

/// <summary>The OAuth clients every test system is seeded with, through the configuration contract.</summary>
public static class TestClients
{
    public static readonly TestClient Triager = new("test-triager", "triager-secret-0123456789", "triage");
    public static readonly TestClient Admin = new("test-admin", "admin-secret-0123456789", "notifications:admin");
    public static readonly TestClient HostA = new("test-host-a", "host-a-secret-0123456789", "host", "hub-a");
    public static readonly TestClient HostB = new("test-host-b", "host-b-secret-0123456789", "host", "hub-b");

    /// <summary>A maintainers' admin machine client: <c>triage</c> with <c>identity:admin</c> opens Triage's admin-only routes (exports).</summary>
    public static readonly TestClient TriageAdmin = new("test-triage-admin", "triage-admin-secret-0123456789", "triage identity:admin");

    public static readonly IReadOnlyList<TestClient> All = [Triager, Admin, HostA, HostB, TriageAdmin];

    /// <summary>
    /// Triage's own client for pulling evidence files from Intake, seeded where services run apart (Standalone registers
    /// its own): not in <see cref="All"/>, so a Standalone test system does not register it twice.
    /// </summary>
    public static readonly TestClient TriageEvidence = new("triage-evidence", "triage-evidence-secret-0123456789", "evidence:read");

    /// <summary>Notification's own client for reading a file shared with a host from Triage; seeded as <see cref="TriageEvidence"/>.</summary>
    public static readonly TestClient NotificationEvidence = new("notification-evidence", "notification-evidence-secret-0123456789", "evidence:shared");

    /// <summary>Configuration keys (as in the architecture's contract) shared by every test deployment.</summary>
    public static Dictionary<string, string> Configuration(string issuer)
    {
        var settings = new Dictionary<string, string>
        {
            ["SafetyReports:Identity:Issuer"] = issuer,
            ["SafetyReports:Notification:AllowPrivateNetworkTargets"] = "true",
            ["SafetyReports:Notification:RetrySchedule:0"] = "00:00:00",
            ["SafetyReports:Notification:RetrySchedule:1"] = "00:00:01",
            ["SafetyReports:Notification:RetrySchedule:2"] = "00:00:02",
            // Anti-abuse is exercised by its own tests; elsewhere many submissions come from 127.0.0.1.
            ["SafetyReports:Intake:ProofOfWork:Difficulty"] = "0",
            ["SafetyReports:Intake:RateLimit:PermitsPerMinute"] = "100000",
            ["SafetyReports:Intake:RateLimit:UnchallengedPermitsPerMinute"] = "100000",
            ["SafetyReports:Identity:RateLimit:SignInAttemptsPerMinute"] = "100000",
            ["SafetyReports:Identity:RateLimit:TokenRequestsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        Seed(settings, All);
        return settings;
    }

    /// <summary>Adds these clients to Identity's seeded clients in <paramref name="settings"/>, after those already there.</summary>
    public static void Seed(Dictionary<string, string> settings, IEnumerable<TestClient> clients)
    {
        var i = settings.Keys.Count(k => k.StartsWith("SafetyReports:Identity:Clients:", StringComparison.Ordinal) && k.EndsWith(":ClientId", StringComparison.Ordinal));
        foreach (var client in clients)
        {
            settings[$"SafetyReports:Identity:Clients:{i}:ClientId"] = client.ClientId;
            settings[$"SafetyReports:Identity:Clients:{i}:ClientSecret"] = client.Secret;
            var scopes = client.Scope.Split(' ');
            for (var s = 0; s < scopes.Length; s++)
            {
                settings[$"SafetyReports:Identity:Clients:{i}:Scopes:{s}"] = scopes[s];
            }
            if (client.HostId is not null)
            {
                settings[$"SafetyReports:Identity:Clients:{i}:HostId"] = client.HostId;
            }

            i++;
        }
    }
}
