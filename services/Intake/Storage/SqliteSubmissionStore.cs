using Microsoft.Data.Sqlite;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;
using SafetyReports.ServiceDefaults.Storage.Sqlite;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// Intake's store on SQLite; the group commit (a 202 still follows the commit of its own batch), the outbox and its
/// quarantine come from <see cref="SqliteStore"/>.
/// </summary>
public sealed class SqliteSubmissionStore(string path) : SqliteStore(SqliteIntakeSchema.Open(path)), ISubmissionStore
{
    private const string SelectIdempotency =
        "SELECT key_hash, request_hash, report_id, protected_response, created_at FROM idempotency WHERE key_hash = $key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<AddSubmissionResult> AddAsync(Submission submission, IdempotencyRecord? idempotency, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            if (idempotency is not null)
            {
                var inserted = await w.ExecuteAsync(
                    """
                    INSERT INTO idempotency (key_hash, request_hash, report_id, protected_response, created_at)
                    VALUES ($key, $request, $report, $response, $at) ON CONFLICT (key_hash) DO NOTHING
                    """,
                    ("$key", idempotency.KeyHash), ("$request", idempotency.RequestHash), ("$report", idempotency.ReportId.ToString()),
                    ("$response", idempotency.ProtectedResponse), ("$at", idempotency.CreatedAt.ToUnixMs()));
                if (inserted == 0)
                {
                    return new AddSubmissionResult(false, (await w.QueryAsync(SelectIdempotency, ReadIdempotency, ("$key", idempotency.KeyHash))).FirstOrDefault());
                }
            }

            await w.ExecuteAsync(
                """
                INSERT INTO submissions (id, received_at, token_hash, status, status_version, updated_at, public_notes, payload, next_handover_at, trace_parent, evidence_files)
                VALUES ($id, $at, $token, $status, 0, $at, '[]', $payload, $at, $trace, $files)
                """,
                ("$id", submission.Id.ToString()), ("$at", submission.ReceivedAt.ToUnixMs()), ("$token", submission.TokenHash),
                ("$status", ReportStatuses.Received), ("$payload", JsonSerializer.Serialize(submission.Payload, Json)), ("$trace", submission.TraceParent),
                ("$files", JsonSerializer.Serialize(submission.EvidenceFiles.Select(f => f.Record), Json)));
            foreach (var file in submission.EvidenceFiles)
            {
                await w.ExecuteAsync("INSERT INTO evidence_files (id, report_id, content) VALUES ($id, $report, $content)",
                    ("$id", file.Record.Id.ToString()), ("$report", submission.Id.ToString()), ("$content", file.Content));
            }

            return new AddSubmissionResult(true, null);
        }, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string keyHash, CancellationToken cancellationToken) =>
        QueryFirstAsync(SelectIdempotency, ReadIdempotency, ("$key", keyHash));

    public Task<string> GetOrAddSecretAsync(string name, string protectedSecret, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            await w.ExecuteAsync("INSERT INTO secrets (name, protected_secret) VALUES ($name, $secret) ON CONFLICT (name) DO NOTHING",
                ("$name", name), ("$secret", protectedSecret));
            return (await w.QueryAsync("SELECT protected_secret FROM secrets WHERE name = $name", r => r.GetString(0), ("$name", name)))[0];
        }, cancellationToken);

    public Task<Receipt?> FindReceiptAsync(Guid id, CancellationToken cancellationToken) =>
        QueryFirstAsync(
            """
            SELECT id, token_hash, status, status_version, received_at, updated_at, public_notes, handed_over_at, host_response, contests,
                   evidence_files
            FROM submissions WHERE id = $id
            """,
            r => new Receipt(
                Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetInt64(3), FromUnixMs(r.GetInt64(4)),
                FromUnixMs(r.GetInt64(5)), JsonSerializer.Deserialize<List<PublicNote>>(r.GetString(6), Json) ?? [],
                r.GetNullableTime(7), HostResponseOf(r, 8), ContestsOf(r, 9),
                JsonSerializer.Deserialize<List<EvidenceFileRecord>>(r.GetString(10), Json) ?? []),
            ("$id", id.ToString()));

    public Task<byte[]?> ReadEvidenceFileAsync(Guid reportId, Guid fileId, CancellationToken cancellationToken) =>
        QueryFirstAsync("SELECT content FROM evidence_files WHERE id = $id AND report_id = $report",
            r => (byte[])r.GetValue(0), ("$id", fileId.ToString()), ("$report", reportId.ToString()));

    public async Task<HandoverBatch> DueForHandoverAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            """
            SELECT id, payload, handover_attempts, trace_parent FROM submissions
            WHERE handed_over_at IS NULL AND next_handover_at <= $now ORDER BY next_handover_at LIMIT $max
            """,
            r => (Id: Guid.Parse(r.GetString(0)), Payload: r.GetNullableString(1), Attempts: r.GetInt32(2), TraceParent: r.GetNullableString(3)),
            ("$now", now.ToUnixMs()), ("$max", max));
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
        WriteAsync(w => w.ExecuteAsync(
            """
            UPDATE submissions SET quarantined_at = $at, quarantine_reason = $reason, next_handover_at = NULL
            WHERE id = $id AND handed_over_at IS NULL
            """,
            ("$id", id.ToString()), ("$at", at.ToUnixMs()), ("$reason", reason)), cancellationToken);

    protected override async Task<IReadOnlyList<(string Kind, long Count)>> CountSetAsideAsync(CancellationToken cancellationToken) =>
        [(ISubmissionStore.QuarantinedSubmissions, (await QueryAsync("SELECT COUNT(*) FROM submissions WHERE quarantined_at IS NOT NULL", r => r.GetInt64(0)))[0])];

    public Task ScheduleHandoverAsync(IReadOnlyCollection<HandoverAttempt> attempts, CancellationToken cancellationToken) =>
        attempts.Count == 0 ? Task.CompletedTask : WriteAsync(async w =>
        {
            foreach (var attempt in attempts)
            {
                await w.ExecuteAsync(
                    "UPDATE submissions SET next_handover_at = $next, handover_attempts = $attempts WHERE id = $id AND handed_over_at IS NULL",
                    ("$id", attempt.ReportId.ToString()), ("$next", attempt.NextAttemptAt.ToUnixMs()), ("$attempts", attempt.Attempts));
            }
        }, cancellationToken);

    /// <summary>The evidence files' bytes go in the same write (Triage holds them now); their records stay for the receipt.</summary>
    public Task ConfirmHandoverAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var confirmed = await w.ExecuteAsync(
                """
                UPDATE submissions SET handed_over_at = $at, payload = NULL, next_handover_at = NULL, quarantined_at = NULL, quarantine_reason = NULL
                WHERE id = $id AND handed_over_at IS NULL
                """,
                ("$id", id.ToString()), ("$at", at.ToUnixMs()));
            await w.ExecuteAsync("DELETE FROM evidence_files WHERE report_id = $id", ("$id", id.ToString()));
            return confirmed;
        }, cancellationToken);

    public Task ApplyStatusAsync(Guid id, string status, long version, string? publicNote, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var rows = await w.QueryAsync(
                "SELECT status, status_version, updated_at, public_notes FROM submissions WHERE id = $id",
                r => (Status: r.GetString(0), Version: r.GetInt64(1), UpdatedAt: FromUnixMs(r.GetInt64(2)),
                    Notes: JsonSerializer.Deserialize<List<PublicNote>>(r.GetString(3), Json) ?? []),
                ("$id", id.ToString()));
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

            return await w.ExecuteAsync(
                "UPDATE submissions SET status = $status, status_version = $version, updated_at = $at, public_notes = $notes WHERE id = $id",
                ("$id", id.ToString()), ("$status", update.Status), ("$version", update.Version), ("$at", update.UpdatedAt.ToUnixMs()),
                ("$notes", JsonSerializer.Serialize(update.Notes, Json)));
        }, cancellationToken);

    public Task ApplyHostResponseAsync(Guid id, ReceiptHostResponse response, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var rows = await w.QueryAsync("SELECT host_response FROM submissions WHERE id = $id", r => HostResponseOf(r, 0), ("$id", id.ToString()));
            if (rows.Count == 0 || ReceiptHostResponse.Apply(rows[0], response) is not { } kept)
            {
                return 0;
            }

            return await w.ExecuteAsync("UPDATE submissions SET host_response = $response WHERE id = $id",
                ("$id", id.ToString()), ("$response", JsonSerializer.Serialize(kept, Json)));
        }, cancellationToken);

    public Task<ContestOutcome> AddContestAsync(Guid id, ReceiptContest contest, OutboxMessage contested, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var rows = await w.QueryAsync(
                "SELECT host_response, contests FROM submissions WHERE id = $id",
                r => (Response: HostResponseOf(r, 0), Contests: ContestsOf(r, 1)), ("$id", id.ToString()));
            if (rows.Count == 0)
            {
                return ContestOutcome.NotFound;
            }

            var checkedOutcome = ContestRules.CheckAdd(rows[0].Response, rows[0].Contests, contest);
            if (checkedOutcome == ContestOutcome.Accepted)
            {
                await WriteContestsAsync(w, id, [.. rows[0].Contests, contest]);
                await w.AnnounceAsync(contested);
            }

            return checkedOutcome;
        }, cancellationToken);

    public Task UpdateContestsAsync(Guid id, Func<IReadOnlyList<ReceiptContest>, IReadOnlyList<ReceiptContest>?> change, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var rows = await w.QueryAsync("SELECT contests FROM submissions WHERE id = $id", r => ContestsOf(r, 0), ("$id", id.ToString()));
            if (rows.Count == 1 && change(rows[0]) is { } changed)
            {
                await WriteContestsAsync(w, id, changed);
            }
        }, cancellationToken);

    public Task<bool> TryConsumeChallengeAsync(string challengeHash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            await w.ExecuteAsync("DELETE FROM used_challenges WHERE expires_at < $now", ("$now", now.ToUnixMs()));
            return await w.ChangesOneAsync(
                "INSERT INTO used_challenges (challenge_hash, expires_at) VALUES ($hash, $expires) ON CONFLICT (challenge_hash) DO NOTHING",
                ("$hash", challengeHash), ("$expires", expiresAt.ToUnixMs()));
        }, cancellationToken);

    public Task<bool> ScrubDeletedAsync(CancellationToken cancellationToken) =>
        Database.TruncateWriteAheadLogAsync(TimeSpan.FromSeconds(1), cancellationToken);

    public Task<int> PurgeIdempotencyAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        WriteAsync(w => w.ExecuteAsync("DELETE FROM idempotency WHERE created_at < $before", ("$before", createdBefore.ToUnixMs())), cancellationToken);

    public Task AddToOutboxAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        WriteAsync(w => w.AnnounceAsync(message), cancellationToken);

    public Task EraseContactAsync(Guid id, OutboxMessage erased, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var payloads = await w.QueryAsync(
                "SELECT payload FROM submissions WHERE id = $id AND payload IS NOT NULL", r => r.GetString(0), ("$id", id.ToString()));
            if (payloads.Count == 1)
            {
                var without = JsonSerializer.Deserialize<ReportSubmitted>(payloads[0], Json)! with { ProtectedContact = null, ContactAllowed = false };
                await w.ExecuteAsync("UPDATE submissions SET payload = $payload WHERE id = $id",
                    ("$id", id.ToString()), ("$payload", JsonSerializer.Serialize(without, Json)));
            }

            await w.AnnounceAsync(erased);
        }, cancellationToken);

    private static ReceiptHostResponse? HostResponseOf(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonSerializer.Deserialize<ReceiptHostResponse>(reader.GetString(ordinal), Json);

    private static List<ReceiptContest> ContestsOf(SqliteDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize<List<ReceiptContest>>(reader.GetString(ordinal), Json) ?? [];

    private static Task<int> WriteContestsAsync(SqliteWrite w, Guid id, IReadOnlyList<ReceiptContest> contests) =>
        w.ExecuteAsync("UPDATE submissions SET contests = $contests WHERE id = $id",
            ("$id", id.ToString()), ("$contests", JsonSerializer.Serialize(contests, Json)));

    private static IdempotencyRecord ReadIdempotency(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), Guid.Parse(r.GetString(2)), r.GetString(3), FromUnixMs(r.GetInt64(4)));
}
