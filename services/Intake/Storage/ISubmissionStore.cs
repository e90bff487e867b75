using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// Intake's data: submissions until Triage confirms them, receipts, idempotency records, spent
/// proof-of-work challenges, and an outbox for the reporters' answers and contests.
/// </summary>
public interface ISubmissionStore : IStoreHealth, IOutboxStore
{
    /// <summary>The kind under which <see cref="IQuarantineCounts.CountQuarantinedAsync"/> counts submissions set aside.</summary>
    public const string QuarantinedSubmissions = "submissions";

    /// <summary>
    /// Durably stores the submission, its evidence files (bytes and records) and the idempotency record, if any, in one
    /// transaction. When the key was already used, stores nothing and returns the earlier record.
    /// </summary>
    Task<AddSubmissionResult> AddAsync(Submission submission, IdempotencyRecord? idempotency, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindIdempotencyAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// A lasting secret of Intake's, kept as given (the caller encrypts it with the key ring the replicas share):
    /// stores <paramref name="protectedSecret"/> under <paramref name="name"/> unless one is there already, and
    /// returns the one stored, so every replica and every restart uses the same.
    /// </summary>
    Task<string> GetOrAddSecretAsync(string name, string protectedSecret, CancellationToken cancellationToken);

    Task<Receipt?> FindReceiptAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The stored bytes of one of a report's evidence files; null for another report's file or an unknown one.</summary>
    Task<byte[]?> ReadEvidenceFileAsync(Guid reportId, Guid fileId, CancellationToken cancellationToken);

    /// <summary>
    /// Unconfirmed submissions whose next hand-over time has come, at most <paramref name="max"/>, each read on its own: one
    /// whose payload cannot be read back comes as <see cref="HandoverBatch.Unreadable"/>, and the others as usual.
    /// </summary>
    Task<HandoverBatch> DueForHandoverAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Sets an unconfirmed submission aside: kept with its payload, its reason and time, no longer due for hand-over,
    /// counted under <see cref="QuarantinedSubmissions"/>. An operator repairs it and makes it due again (docs/intake.md).
    /// </summary>
    Task QuarantineSubmissionAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records, in one write, when each of a batch of just-published submissions is due again; confirmed ones are left alone.</summary>
    Task ScheduleHandoverAsync(IReadOnlyCollection<HandoverAttempt> attempts, CancellationToken cancellationToken);

    /// <summary>
    /// Triage has the report: stop re-sending and drop the payload (evidence, contact) Intake no longer needs; a submission
    /// set aside leaves the quarantine.
    /// </summary>
    Task ConfirmHandoverAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a challenge as spent. False when it was spent before: a proof is good for one submission.
    /// Expired entries may be forgotten, since an expired challenge is refused anyway.
    /// </summary>
    Task<bool> TryConsumeChallengeAsync(string challengeHash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets idempotency records (which hold an encrypted copy of the answer, token included) created
    /// before <paramref name="createdBefore"/>. Returns how many were removed.
    /// </summary>
    Task<int> PurgeIdempotencyAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Makes what was deleted (dropped payloads, erased contacts, purged records) unrecoverable from the store's
    /// own files where the store can: SQLite empties its write-ahead log (deleted content is zeroed in the file as
    /// it is deleted). False when it could not finish this time. MongoDB's files and oplog are out of reach: true.
    /// </summary>
    Task<bool> ScrubDeletedAsync(CancellationToken cancellationToken);

    /// <summary>Durably queues an event (a reporter's answer) for the bus.</summary>
    Task AddToOutboxAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// The reporter erased their contact: in one write, drops it from the payload if the submission still has
    /// one (not yet confirmed by Triage) and queues <paramref name="erased"/> so Triage drops its copy.
    /// </summary>
    Task EraseContactAsync(Guid id, OutboxMessage erased, CancellationToken cancellationToken);

    /// <summary>Applies a status change to the receipt unless a newer one was applied already.</summary>
    Task ApplyStatusAsync(Guid id, string status, long version, string? publicNote, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Keeps the host's response on the receipt unless it already holds that revision or a later one (<see cref="ReceiptHostResponse.Apply"/>).</summary>
    Task ApplyHostResponseAsync(Guid id, ReceiptHostResponse response, CancellationToken cancellationToken);

    /// <summary>
    /// The reporter contests the host's response: in one write, adds <paramref name="contest"/> to the receipt and queues
    /// <paramref name="contested"/> for Triage, if <see cref="ContestRules.CheckAdd"/> allows it on the receipt as it is then.
    /// </summary>
    /// <returns>What happened; nothing is written unless <see cref="ContestOutcome.Accepted"/>.</returns>
    Task<ContestOutcome> AddContestAsync(Guid id, ReceiptContest contest, OutboxMessage contested, CancellationToken cancellationToken);

    /// <summary>Applies a change to the receipt's contests (a rule of <see cref="ContestRules"/>, which returns null for no change).</summary>
    Task UpdateContestsAsync(Guid id, Func<IReadOnlyList<ReceiptContest>, IReadOnlyList<ReceiptContest>?> change, CancellationToken cancellationToken);
}
