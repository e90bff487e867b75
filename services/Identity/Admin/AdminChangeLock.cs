namespace SafetyReports.Identity.Admin;

/// <summary>
/// Serialises role and lock changes in this process, so two admins demoting each other at once cannot
/// both pass the last-admin check. (Identity runs as one process; see docs/identity.md.)
/// </summary>
public sealed class AdminChangeLock : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
