using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Storage;

/// <summary>
/// OpenIddict records every token it issues; without pruning the table grows with every client
/// credentials request. Removes expired or revoked entries older than <see cref="Retention"/>, hourly.
/// </summary>
public sealed partial class TokenPruner(IServiceScopeFactory scopeFactory, TimeProvider time, ILogger<TokenPruner> logger) : BackgroundService
{
    /// <summary>As OpenIddict's own Quartz job: old enough to keep recent history for investigations.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(14);

    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await PruneOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task PruneOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var threshold = time.GetUtcNow() - Retention;
            var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
            var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
            if (tokens + authorizations > 0)
            {
                LogPruned(tokens, authorizations);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed pass is retried on the next tick; it must not stop the host.
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} token and {Authorizations} authorization entries")]
    private partial void LogPruned(long tokens, long authorizations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old token entries failed")]
    private partial void LogFailed(Exception exception);
}
