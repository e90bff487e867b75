namespace SafetyReports.Notification.Domain;

/// <summary>
/// One message on a notice's thread between the maintainers and the report's host, recorded once per <see cref="Id"/>.
/// </summary>
/// <param name="From"><see cref="ThreadSides.Maintainers"/> or <see cref="ThreadSides.Host"/>.</param>
/// <param name="Author">Who wrote it: the maintainer as the audit chain names them, or <c>host:{hostId}</c>. A host is never shown a maintainer's name.</param>
public sealed record ThreadMessage(Guid Id, Guid ReportId, string HostId, string From, string Author, string Text, DateTimeOffset SentAt)
{
    public const int MaxText = 5_000;

    public static ThreadMessage FromMaintainers(MaintainersMessagedHost message) => new(
        message.MessageId, message.ReportId, message.HostId, ThreadSides.Maintainers, message.Author, message.Text, StoredTime.Of(message.SentAt));

    /// <summary>A new message of the host's own, with its announcement to the maintainers.</summary>
    public static (ThreadMessage Message, HostMessagedMaintainers Announcement) ByHost(Guid reportId, string hostId, string text, DateTimeOffset now)
    {
        var message = new ThreadMessage(Guid.CreateVersion7(), reportId, hostId, ThreadSides.Host, HostAuthor(hostId), text, StoredTime.Of(now));
        return (message, new HostMessagedMaintainers(reportId, hostId, message.Id, message.Author, text, message.SentAt));
    }

    public static string HostAuthor(string hostId) => $"host:{hostId}";
}

public static class ThreadSides
{
    public const string Maintainers = "maintainers";
    public const string Host = "host";
}
