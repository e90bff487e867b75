using System.Text.Json;
using Microsoft.Data.Sqlite;
using SafetyReports.Contracts;
using SafetyReports.Intake.Domain;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.ServiceDefaults.Storage;
using static SafetyReports.ServiceDefaults.Storage.SqliteCommandExtensions;

namespace SafetyReports.Intake.Storage;

public sealed class SqliteSubmissionStore : ISubmissionStore, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SqliteDatabase _database;

    // Every write goes through one writer that commits whatever is waiting together (see
    // SqliteGroupCommit): one fsync for many, and no write-lock waits between this process's writers.
    // A 202 still follows the commit of its own batch.
    private readonly SqliteGroupCommit _writes;

    public SqliteSubmissionStore(string path)
    {
        _database = SqliteIntakeSchema.Open(path);
        _writes = new SqliteGroupCommit(_database);
    }

    public Task<AddSubmissionResult> AddAsync(Submission submission, IdempotencyRecord? idempotency, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            if (idempotency is not null)
            {
                var inserted = await c.ExecuteAsync(
                    """
                    INSERT INTO idempotency (key_hash, request_hash, report_id, protected_response, created_at)
                    VALUES ($key, $request, $report, $response, $at) ON CONFLICT (key_hash) DO NOTHING
                    """,
                    t, ("$key", idempotency.KeyHash), ("$request", idempotency.RequestHash), ("$report", idempotency.ReportId.ToString()),
                    ("$response", idempotency.ProtectedResponse), ("$at", idempotency.CreatedAt.ToUnixMs()));
                if (inserted == 0)
                {
                    return new AddSubmissionResult(false, await FindIdempotencyAsync(c, t, idempotency.KeyHash));
                }
            }

            await c.ExecuteAsync(
                """
                INSERT INTO submissions (id, received_at, token_hash, status, status_version, updated_at, public_notes, payload, next_handover_at, trace_parent)
                VALUES ($id, $at, $token, $status, 0, $at, '[]', $payload, $at, $trace)
                """,
                t, ("$id", submission.Id.ToString()), ("$at", submission.ReceivedAt.ToUnixMs()), ("$token", submission.TokenHash),
                ("$status", ReportStatuses.Received), ("$payload", JsonSerializer.Serialize(submission.Payload, Json)), ("$trace", submission.TraceParent));
            return new AddSubmissionResult(true, null);
        }, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string keyHash, CancellationToken cancellationToken) =>
        _database.ReadAsync(c => FindIdempotencyAsync(c, null, keyHash));

    public Task<string> GetOrAddSecretAsync(string name, string protectedSecret, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("INSERT INTO secrets (name, protected_secret) VALUES ($name, $secret) ON CONFLICT (name) DO NOTHING",
                t, ("$name", name), ("$secret", protectedSecret));
            return (await c.QueryAsync("SELECT protected_secret FROM secrets WHERE name = $name", r => r.GetString(0), t, ("$name", name)))[0];
        }, cancellationToken);

    public Task<Receipt?> FindReceiptAsync(Guid id, CancellationToken cancellationToken) =>
        _database.ReadAsync(async c =>
        {
            var rows = await c.QueryAsync(
                """
                SELECT id, token_hash, status, status_version, received_at, updated_at, public_notes, handed_over_at, host_response, contests
                FROM submissions WHERE id = $id
                """,
                r => new Receipt(
                    Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetInt64(3), FromUnixMs(r.GetInt64(4)),
                    FromUnixMs(r.GetInt64(5)), JsonSerializer.Deserialize<List<PublicNote>>(r.GetString(6), Json) ?? [],
                    r.IsDBNull(7) ? null : FromUnixMs(r.GetInt64(7)), HostResponseOf(r, 8), ContestsOf(r, 9)),
                null, ("$id", id.ToString()));
            return rows.FirstOrDefault();
        });

    public async Task<HandoverBatch> DueForHandoverAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var rows = await _database.ReadAsync(c => c.QueryAsync(
            """
            SELECT id, payload, handover_attempts, trace_parent FROM submissions
            WHERE handed_over_at IS NULL AND next_handover_at <= $now ORDER BY next_handover_at LIMIT $max
            """,
            r => (Id: Guid.Parse(r.GetString(0)), Payload: r.GetNullableString(1), Attempts: r.GetInt32(2), TraceParent: r.GetNullableString(3)),
            null, ("$now", now.ToUnixMs()), ("$max", max)));
        var due = new List<PendingHandover>(rows.Count);
        var unreadable = new List<UnreadableSubmission>();
        foreach (var row in rows)
        {
            var (submitted, reason) = ReadPayload(row.Id, row.Payload);
            if (submitted is not null)
            {
                due.Add(new PendingHandover(submitted, row.Attempts, row.TraceParent));
            }
            else
            {
                unreadable.Add(new UnreadableSubmission(row.Id, reason));
            }
        }

        return new HandoverBatch(due, unreadable);
    }

    /// <summary>The payload as the message to send, or why it cannot be: the reason an operator sees, never the payload.</summary>
    private static (ReportSubmitted? Submitted, string Reason) ReadPayload(Guid id, string? payload)
    {
        if (payload is null)
        {
            return (null, "The submission has no payload to send.");
        }

        try
        {
            var submitted = JsonSerializer.Deserialize<ReportSubmitted>(payload, Json);
            return submitted is null ? (null, "The payload is empty.")
                : submitted.ReportId != id ? (null, "The payload is another report's.")
                : (submitted, "");
        }
        catch (JsonException ex)
        {
            return (null, $"The payload is not a ReportSubmitted: {ex.Message}");
        }
    }

    public Task QuarantineSubmissionAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        _writes.WriteAsync((c, t) => c.ExecuteAsync(
            """
            UPDATE submissions SET quarantined_at = $at, quarantine_reason = $reason, next_handover_at = NULL
            WHERE id = $id AND handed_over_at IS NULL
            """,
            t, ("$id", id.ToString()), ("$at", at.ToUnixMs()), ("$reason", reason)), cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> CountQuarantinedAsync(CancellationToken cancellationToken)
    {
        var submissions = await _database.ReadAsync(async c =>
            (await c.QueryAsync("SELECT COUNT(*) FROM submissions WHERE quarantined_at IS NOT NULL", r => r.GetInt64(0)))[0]);
        return QuarantineCounts.Of(await SqliteOutbox.CountQuarantinedAsync(_database), (ISubmissionStore.QuarantinedSubmissions, submissions));
    }

    public Task ScheduleHandoverAsync(IReadOnlyCollection<HandoverAttempt> attempts, CancellationToken cancellationToken) =>
        attempts.Count == 0 ? Task.CompletedTask : _writes.WriteAsync(async (c, t) =>
        {
            foreach (var attempt in attempts)
            {
                await c.ExecuteAsync(
                    "UPDATE submissions SET next_handover_at = $next, handover_attempts = $attempts WHERE id = $id AND handed_over_at IS NULL",
                    t, ("$id", attempt.ReportId.ToString()), ("$next", attempt.NextAttemptAt.ToUnixMs()), ("$attempts", attempt.Attempts));
            }

            return attempts.Count;
        }, cancellationToken);

    public Task ConfirmHandoverAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        _writes.WriteAsync((c, t) => c.ExecuteAsync(
            """
            UPDATE submissions SET handed_over_at = $at, payload = NULL, next_handover_at = NULL, quarantined_at = NULL, quarantine_reason = NULL
            WHERE id = $id AND handed_over_at IS NULL
            """,
            t, ("$id", id.ToString()), ("$at", at.ToUnixMs())), cancellationToken);

    public Task ApplyStatusAsync(Guid id, string status, long version, string? publicNote, DateTimeOffset at, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            var rows = await c.QueryAsync(
                "SELECT status, status_version, updated_at, public_notes FROM submissions WHERE id = $id",
                r => (Status: r.GetString(0), Version: r.GetInt64(1), UpdatedAt: FromUnixMs(r.GetInt64(2)),
                    Notes: JsonSerializer.Deserialize<List<PublicNote>>(r.GetString(3), Json) ?? []),
                t, ("$id", id.ToString()));
            if (rows.Count == 0)
            {
                return 0;
            }

            var row = rows[0];
            var update = ReceiptUpdate.Apply(row.Status, row.Version, row.UpdatedAt, row.Notes, status, version, publicNote, at);
            if (update is null)
            {
                return 0;
            }

            return await c.ExecuteAsync(
                "UPDATE submissions SET status = $status, status_version = $version, updated_at = $at, public_notes = $notes WHERE id = $id",
                t, ("$id", id.ToString()), ("$status", update.Status), ("$version", update.Version), ("$at", update.UpdatedAt.ToUnixMs()),
                ("$notes", JsonSerializer.Serialize(update.Notes, Json)));
        }, cancellationToken);

    public Task ApplyHostResponseAsync(Guid id, ReceiptHostResponse response, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            var rows = await c.QueryAsync("SELECT host_response FROM submissions WHERE id = $id", r => HostResponseOf(r, 0), t, ("$id", id.ToString()));
            if (rows.Count == 0 || ReceiptHostResponse.Apply(rows[0], response) is not { } kept)
            {
                return 0;
            }

            return await c.ExecuteAsync("UPDATE submissions SET host_response = $response WHERE id = $id", t,
                ("$id", id.ToString()), ("$response", JsonSerializer.Serialize(kept, Json)));
        }, cancellationToken);

    public async Task<ContestOutcome> AddContestAsync(Guid id, ReceiptContest contest, OutboxMessage contested, CancellationToken cancellationToken)
    {
        var outcome = await _writes.WriteAsync(async (c, t) =>
        {
            var rows = await c.QueryAsync(
                "SELECT host_response, contests FROM submissions WHERE id = $id",
                r => (Response: HostResponseOf(r, 0), Contests: ContestsOf(r, 1)), t, ("$id", id.ToString()));
            if (rows.Count == 0)
            {
                return ContestOutcome.NotFound;
            }

            var checkedOutcome = ContestRules.CheckAdd(rows[0].Response, rows[0].Contests, contest);
            if (checkedOutcome == ContestOutcome.Accepted)
            {
                await WriteContestsAsync(c, t, id, [.. rows[0].Contests, contest]);
                await SqliteOutbox.AddAsync(c, t, contested);
            }

            return checkedOutcome;
        }, cancellationToken);
        if (outcome == ContestOutcome.Accepted)
        {
            OutboxSignal.Notify();
        }

        return outcome;
    }

    public Task UpdateContestsAsync(Guid id, Func<IReadOnlyList<ReceiptContest>, IReadOnlyList<ReceiptContest>?> change, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            var rows = await c.QueryAsync("SELECT contests FROM submissions WHERE id = $id", r => ContestsOf(r, 0), t, ("$id", id.ToString()));
            return rows.Count == 1 && change(rows[0]) is { } changed ? await WriteContestsAsync(c, t, id, changed) : 0;
        }, cancellationToken);

    public Task<bool> TryConsumeChallengeAsync(string challengeHash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        _writes.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("DELETE FROM used_challenges WHERE expires_at < $now", t, ("$now", now.ToUnixMs()));
            return await c.ExecuteAsync(
                "INSERT INTO used_challenges (challenge_hash, expires_at) VALUES ($hash, $expires) ON CONFLICT (challenge_hash) DO NOTHING",
                t, ("$hash", challengeHash), ("$expires", expiresAt.ToUnixMs())) == 1;
        }, cancellationToken);

    public Task<bool> ScrubDeletedAsync(CancellationToken cancellationToken) =>
        _database.TruncateWriteAheadLogAsync(TimeSpan.FromSeconds(1), cancellationToken);

    public Task<int> PurgeIdempotencyAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        _writes.WriteAsync((c, t) => c.ExecuteAsync(
            "DELETE FROM idempotency WHERE created_at < $before", t, ("$before", createdBefore.ToUnixMs())), cancellationToken);

    public WorkSignal OutboxSignal { get; } = new();

    public async Task AddToOutboxAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await _writes.WriteAsync(async (c, t) =>
        {
            await SqliteOutbox.AddAsync(c, t, message);
            return 0;
        }, cancellationToken);
        OutboxSignal.Notify();
    }

    public async Task EraseContactAsync(Guid id, OutboxMessage erased, CancellationToken cancellationToken)
    {
        await _writes.WriteAsync(async (c, t) =>
        {
            var payloads = await c.QueryAsync(
                "SELECT payload FROM submissions WHERE id = $id AND payload IS NOT NULL", r => r.GetString(0), t, ("$id", id.ToString()));
            if (payloads.Count == 1)
            {
                var without = JsonSerializer.Deserialize<ReportSubmitted>(payloads[0], Json)! with { ProtectedContact = null, ContactAllowed = false };
                await c.ExecuteAsync("UPDATE submissions SET payload = $payload WHERE id = $id", t,
                    ("$id", id.ToString()), ("$payload", JsonSerializer.Serialize(without, Json)));
            }

            await SqliteOutbox.AddAsync(c, t, erased);
            return 0;
        }, cancellationToken);
        OutboxSignal.Notify();
    }

    public Task<IReadOnlyList<OutboxMessage>> PeekOutboxAsync(int max, CancellationToken cancellationToken) =>
        SqliteOutbox.PeekAsync(_database, max);

    public Task RemoveFromOutboxAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        SqliteOutbox.RemoveAsync(_writes, ids, cancellationToken);

    public Task QuarantineOutboxAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        SqliteOutbox.QuarantineAsync(_writes, id, reason, at, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => _database.PingAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    private static ReceiptHostResponse? HostResponseOf(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonSerializer.Deserialize<ReceiptHostResponse>(reader.GetString(ordinal), Json);

    private static List<ReceiptContest> ContestsOf(SqliteDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize<List<ReceiptContest>>(reader.GetString(ordinal), Json) ?? [];

    private static Task<int> WriteContestsAsync(SqliteConnection connection, SqliteTransaction transaction, Guid id, IReadOnlyList<ReceiptContest> contests) =>
        connection.ExecuteAsync("UPDATE submissions SET contests = $contests WHERE id = $id", transaction,
            ("$id", id.ToString()), ("$contests", JsonSerializer.Serialize(contests, Json)));

    private static async Task<IdempotencyRecord?> FindIdempotencyAsync(SqliteConnection connection, SqliteTransaction? transaction, string keyHash)
    {
        var rows = await connection.QueryAsync(
            "SELECT key_hash, request_hash, report_id, protected_response, created_at FROM idempotency WHERE key_hash = $key",
            r => new IdempotencyRecord(r.GetString(0), r.GetString(1), Guid.Parse(r.GetString(2)), r.GetString(3), FromUnixMs(r.GetInt64(4))),
            transaction, ("$key", keyHash));
        return rows.FirstOrDefault();
    }
}
