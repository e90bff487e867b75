using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Storage;

/// <summary>
/// OpenIddict records every token it issues; without pruning the table grows with every client
/// credentials request. Removes expired or revoked entries older than <see cref="Retention"/>, hourly.
/// </summary>
public sealed partial class TokenPruner(IServiceScopeFactory scopeFactory, TimeProvider time, ILogger<TokenPruner> logger) : PollingLoop(time, logger)
{
    /// <summary>As OpenIddict's own Quartz job: old enough to keep recent history for investigations.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(14);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<LoopStep> RunStepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var threshold = Clock.GetUtcNow() - Retention;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        if (tokens + authorizations > 0)
        {
            LogPruned(Logger, tokens, authorizations);
        }

        return LoopStep.Idle;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} token and {Authorizations} authorization entries")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations);
}
