using Microsoft.Extensions.Diagnostics.HealthChecks;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage;

/// <summary>
/// Can Triage decrypt what Intake encrypted? The probe is the newest stored report that has a reporter contact: when
/// this key ring cannot decrypt it, readiness is <c>Degraded</c> (the service still works, contacts show as
/// unavailable) and names the setting to fix. The answer is kept a minute, so probes cost one query a minute.
/// </summary>
public sealed class ContactKeyRingHealthCheck(ITriageStore store, ReporterContactProtector protector, TimeProvider clock) : IHealthCheck
{
    public const string Name = "reporter-contact-key-ring";

    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_last is { } last && now - last.At < KeptFor)
        {
            return last.Result;
        }

        var newest = await store.ListReportsAsync(new ReportQuery(Limit: 20), cancellationToken);
        var probe = newest.Items.FirstOrDefault(r => r.ProtectedContact is not null)?.ProtectedContact;
        if (probe is null)
        {
            // Not kept: the first report with a contact is checked as soon as it is stored.
            return HealthCheckResult.Healthy("No recent report with a contact to check.");
        }

        var result = protector.CanDecrypt(probe)
            ? HealthCheckResult.Healthy("The newest reporter contact decrypts with this key ring.")
            : HealthCheckResult.Degraded(
                $"The newest reporter contact does not decrypt with this key ring: Intake and Triage must share one ({ReporterContactProtector.KeysDirectorySetting}). "
                + "Reports are shown with their contact unavailable.");
        _last = (now, result);
        return result;
    }
}
