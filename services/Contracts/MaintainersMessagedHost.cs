namespace SafetyReports.Contracts;

/// <summary>
/// A maintainer wrote to the report's host on the notice's thread. <paramref name="MessageId"/> identifies the
/// message: a repeated one is recorded once. <paramref name="Author"/> is the maintainer as the audit chain names them.
/// </summary>
public sealed record MaintainersMessagedHost(Guid ReportId, string HostId, Guid MessageId, string Author, string Text, DateTimeOffset SentAt);
