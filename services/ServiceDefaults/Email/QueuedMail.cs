namespace SafetyReports.ServiceDefaults.Email;

/// <summary>A row of a mail outbox: the protected mail (<see cref="MailProtector"/>), how often it failed, and when it is due.</summary>
public sealed record QueuedMail(Guid Id, string ProtectedMail, DateTimeOffset QueuedAt, int Failures, DateTimeOffset DueAt);
