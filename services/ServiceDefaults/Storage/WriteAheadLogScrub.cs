namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>
/// Empties a SQLite write-ahead log after a commit that removed content (a redaction, a replaced notice), so earlier page
/// images leave the <c>-wal</c> file. The commit stands whatever happens here: when the log cannot be emptied now (a reader
/// holds it, or the step fails), the caller still answers success and the step is tried again in the background, backing
/// off, until it succeeds. One retry loop at a time; a commit that fails meanwhile is covered by it.
/// </summary>
/// <param name="empty">Empties the log, waiting at most the given time for readers; false when it could not finish.</param>
public sealed partial class WriteAheadLogScrub(Func<TimeSpan, CancellationToken, Task<bool>> empty, ILogger logger)
{
    /// <summary>How long a request waits for readers before it leaves the step to the background.</summary>
    public static readonly TimeSpan InRequestWait = TimeSpan.FromSeconds(2);

    /// <summary>How long each background try waits for readers.</summary>
    public static readonly TimeSpan RetryWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private Task? _retrying;
    private long _requested;

    /// <summary>The background retries, while there are any (completed otherwise).</summary>
    public Task Retrying
    {
        get
        {
            lock (_gate)
            {
                return _retrying ?? Task.CompletedTask;
            }
        }
    }

    /// <summary>After the commit: empties the log now if it can, else leaves it to the background. Never throws.</summary>
    /// <returns>Whether the log was emptied now.</returns>
    public async Task<bool> AfterCommitAsync(CancellationToken cancellationToken)
    {
        if (await TryAsync(InRequestWait, cancellationToken))
        {
            return true;
        }

        lock (_gate)
        {
            _requested++;
            _retrying ??= Task.Run(RetryAsync, CancellationToken.None);
        }

        return false;
    }

    private async Task RetryAsync()
    {
        var backoff = new Backoff(FirstDelay, MaxDelay);
        while (true)
        {
            long covering;
            lock (_gate)
            {
                covering = _requested;
            }

            await Task.Delay(backoff.Next());
            if (await TryAsync(RetryWait, CancellationToken.None))
            {
                lock (_gate)
                {
                    // A commit that could not empty the log after this try began needs another one.
                    if (_requested == covering)
                    {
                        _retrying = null;
                        LogEmptied();
                        return;
                    }
                }
            }
        }
    }

    private async Task<bool> TryAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            if (await empty(wait, cancellationToken))
            {
                return true;
            }

            LogBusy();
            return false;
        }
        catch (Exception ex)
        {
            LogFailed(ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The write-ahead log is still in use by readers; removed content leaves it when they finish (retrying)")]
    private partial void LogBusy();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emptying the write-ahead log failed; the change is committed, and removed content leaves the log at a later try")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The write-ahead log was emptied after an earlier try could not")]
    private partial void LogEmptied();
}
