namespace SafetyReports.Contracts;

/// <summary>
/// The host wrote to the maintainers on a notice's thread (host API or host inbox). <paramref name="MessageId"/>
/// identifies the message: a repeated one is recorded once. <paramref name="Author"/> is <c>host:{hostId}</c>.
/// </summary>
public sealed record HostMessagedMaintainers(Guid ReportId, string HostId, Guid MessageId, string Author, string Text, DateTimeOffset SentAt);
