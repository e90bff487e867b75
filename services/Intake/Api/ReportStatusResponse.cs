namespace SafetyReports.Intake.Api;

public sealed record ReportStatusResponse(
    Guid Id,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PublicNoteResponse> PublicNotes);

public sealed record PublicNoteResponse(DateTimeOffset At, string Text);
