namespace SafetyReports.Intake.Domain;

/// <summary>
/// The submissions due for hand-over, read one by one: those that can be sent, and those whose stored payload cannot be
/// read back (they are set aside, not allowed to stop the rest).
/// </summary>
public sealed record HandoverBatch(IReadOnlyList<PendingHandover> Due, IReadOnlyList<UnreadableSubmission> Unreadable)
{
    /// <summary>How many rows the store read: a full batch means more may be due.</summary>
    public int Read => Due.Count + Unreadable.Count;
}

/// <param name="Reason">Why its payload cannot be read, for the operator; never the payload itself.</param>
public sealed record UnreadableSubmission(Guid Id, string Reason);
