using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>
/// Group commit for one SQLite file: concurrent durable writes queue to a single writer that runs
/// as many as are waiting (up to <see cref="MaxBatch"/>) in one IMMEDIATE transaction, commits it
/// with <c>synchronous=FULL</c>, and only then completes each caller. A completed write is on disk,
/// exactly as with <see cref="SqliteDatabase.WriteAsync{T}"/>, but one fsync covers the whole batch
/// instead of one per write. Each write runs inside its own savepoint, so one that throws is rolled
/// back and fails alone while the rest of its batch commits.
/// </summary>
public sealed class SqliteGroupCommit : IAsyncDisposable
{
    public const int MaxBatch = 256;
    private const string Savepoint = "group_commit_item";

    private readonly SqliteDatabase _database;
    private readonly Channel<IQueuedWrite> _queue = Channel.CreateUnbounded<IQueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _commits;

    public SqliteGroupCommit(SqliteDatabase database)
    {
        _database = database;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Transactions committed so far (each holds one or more writes).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Queues <paramref name="write"/>; the task completes once its batch is committed to disk.
    /// Cancellation only applies before the write is queued: once queued it may already be committed,
    /// and a caller told "cancelled" must not find it stored.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new QueuedWrite<T>(write);
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommit), "The store is shutting down; the write was not made.");
        }

        return queued.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<IQueuedWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<IQueuedWrite> batch)
    {
        try
        {
            await using var connection = _database.Open();
            await using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var write in batch)
            {
                await transaction.SaveAsync(Savepoint);
                try
                {
                    await write.RunAsync(connection, transaction);
                    await transaction.ReleaseAsync(Savepoint);
                }
                catch (Exception exception)
                {
                    await transaction.RollbackAsync(Savepoint);
                    await transaction.ReleaseAsync(Savepoint);
                    write.Fail(exception);
                }
            }

            await transaction.CommitAsync();
            Interlocked.Increment(ref _commits);
        }
        catch (Exception exception)
        {
            // Nothing of this batch is committed: every write not already failed fails now.
            foreach (var write in batch)
            {
                write.Fail(exception);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    private interface IQueuedWrite
    {
        Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write) : IQueuedWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private bool _ran;

        public Task<T> Completion => _completion.Task;

        public async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            _result = await write(connection, transaction);
            _ran = true;
        }

        public void Complete()
        {
            if (_ran)
            {
                _completion.TrySetResult(_result!);
            }
        }

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
