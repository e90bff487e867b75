using SafetyReports.Intake.Domain;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Intake.Storage;

/// <summary>Intake's data: submissions until Triage confirms them, receipts, idempotency records.</summary>
public interface ISubmissionStore : IStoreHealth
{
    /// <summary>
    /// Durably stores the submission (and the idempotency record, if any) in one transaction. When the
    /// key was already used, stores nothing and returns the earlier record.
    /// </summary>
    Task<AddSubmissionResult> AddAsync(Submission submission, IdempotencyRecord? idempotency, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindIdempotencyAsync(string keyHash, CancellationToken cancellationToken);

    Task<Receipt?> FindReceiptAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Unconfirmed submissions whose next hand-over time has come.</summary>
    Task<IReadOnlyList<PendingHandover>> DueForHandoverAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task ScheduleHandoverAsync(Guid id, DateTimeOffset next, int attempts, CancellationToken cancellationToken);

    /// <summary>Triage has the report: stop re-sending and drop the payload (evidence, contact) Intake no longer needs.</summary>
    Task ConfirmHandoverAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Applies a status change to the receipt unless a newer one was applied already.</summary>
    Task ApplyStatusAsync(Guid id, string status, long version, string? publicNote, DateTimeOffset at, CancellationToken cancellationToken);
}
