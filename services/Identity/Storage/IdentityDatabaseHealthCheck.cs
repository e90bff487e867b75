using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenIddict.EntityFrameworkCore.Models;

namespace SafetyReports.Identity.Storage;

/// <summary>Ready when the identity database answers a query against the clients table.</summary>
public sealed class IdentityDatabaseHealthCheck(IdentityDbContext db) : IHealthCheck
{
    public const string Name = "identity-db";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Querying a real table (not just opening the file) proves the schema exists.
            await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The identity database cannot be queried.", ex);
        }
    }
}
