using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SafetyReports.Identity.Clients;
using SafetyReports.Identity.Configuration;

namespace SafetyReports.Identity.Storage;

/// <summary>
/// Creates the schema and seeds the configured clients before the server accepts requests
/// (hosted services start before Kestrel), so a failure here stops the start.
/// </summary>
public sealed class IdentityDatabaseInitializer(IServiceScopeFactory scopeFactory, IOptions<IdentityServiceOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        // EnsureCreated creates nothing in an existing file: the portal-users work must move to migrations.
        await db.Database.EnsureCreatedAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        var seeder = scope.ServiceProvider.GetRequiredService<ClientSeeder>();
        await seeder.SeedAsync(options.Value.Clients, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
