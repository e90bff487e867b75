using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace SafetyReports.Identity.Storage;

/// <summary>
/// Brings the schema up to date and seeds the configured clients, the roles and the first admin
/// before the server accepts requests (hosted services start before Kestrel), so a failure here stops the start.
/// </summary>
public sealed class IdentityDatabaseInitializer(IServiceScopeFactory scopeFactory, IOptions<IdentityServiceOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await IdentitySchema.MigrateAsync(db, cancellationToken);

        await scope.ServiceProvider.GetRequiredService<ClientSeeder>().SeedAsync(options.Value.Clients, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AdminSeeder>().SeedAsync(options.Value.Admin, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
