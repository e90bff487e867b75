using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// This process's copy of the log's tree, read from the store's leaf hashes and caught up on demand: every replica
/// computes the same tree from the same leaves. Proofs are answered for any size up to what it has read.
/// </summary>
public sealed class AuditLogTree(ITriageStore store)
{
    public const int ReadBatch = 5000;

    private readonly MerkleTree _tree = new();
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly Lock _gate = new();

    public long Size
    {
        get
        {
            lock (_gate)
            {
                return _tree.Size;
            }
        }
    }

    /// <summary>Reads the leaves appended since the last call; returns the size.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _catchUp.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var leaves = await store.ReadLogLeavesAsync(Size, ReadBatch, cancellationToken);
                lock (_gate)
                {
                    foreach (var leaf in leaves)
                    {
                        _tree.Append(leaf);
                    }
                }

                if (leaves.Count < ReadBatch)
                {
                    return Size;
                }
            }
        }
        finally
        {
            _catchUp.Release();
        }
    }

    /// <summary>Runs <paramref name="read"/> on the tree once it holds at least <paramref name="size"/> leaves; null when the log is smaller.</summary>
    public async Task<T?> ReadAsync<T>(long size, Func<MerkleTree, T> read, CancellationToken cancellationToken) where T : class
    {
        if (Size < size && await CatchUpAsync(cancellationToken) < size)
        {
            return null;
        }

        lock (_gate)
        {
            return read(_tree);
        }
    }
}
