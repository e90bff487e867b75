namespace SafetyReports.Intake.Domain;

/// <summary>What a reporter can see of their report with its status token.</summary>
public sealed record Receipt(
    Guid Id,
    string TokenHash,
    string Status,
    long StatusVersion,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PublicNote> PublicNotes,
    DateTimeOffset? HandedOverAt);

/// <param name="Version">The report version whose change carried the note: a repeated event adds it once.</param>
public sealed record PublicNote(DateTimeOffset At, string Text, long Version);
