namespace SafetyReports.Triage.Domain;

/// <summary>One message of a report's thread between the maintainers and its host.</summary>
/// <param name="From"><see cref="HostThread.FromMaintainers"/> or <see cref="HostThread.FromHost"/>.</param>
/// <param name="Author">The maintainer as the audit chain names them, or <c>host:{hostId}</c>.</param>
public sealed record HostThreadMessage(Guid Id, string From, string Author, string Text, DateTimeOffset SentAt);

/// <summary><c>POST /reports/{id}/host-messages</c>.</summary>
public sealed record HostMessageRequest(string? Text);

/// <summary>
/// The thread between the maintainers and the report's host, oldest first. Maintainers write once the report was
/// triaged (before that the host knows nothing of it): <c>host_message_sent</c> and <see cref="MaintainersMessagedHost"/>.
/// The host's messages arrive from Notification and are recorded once each (<c>host_message_received</c>). The texts are
/// the maintainers' and the host's, not the reporter's: the entries keep them.
/// </summary>
public static class HostThread
{
    public const string FromMaintainers = "maintainers";
    public const string FromHost = "host";
    public const string SentAction = "host_message_sent";
    public const string ReceivedAction = "host_message_received";

    public static Dictionary<string, string[]> Validate(HostMessageRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        MaintainerText.Required(request.Text, "text", "The message", errors);
        return errors;
    }

    /// <param name="messageId">The message's id, the same on every attempt to save it.</param>
    public static WorkflowOutcome Send(Report report, Guid messageId, string text, string actor, DateTimeOffset now)
    {
        if (report.TriagedAt is null)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Conflict,
                Detail: "The report was never triaged, so its host knows nothing of it yet: write once it is triaged.");
        }

        var message = new HostThreadMessage(messageId, FromMaintainers, actor, text, now);
        var updated = Add(report, message, now);
        var data = JsonSerializer.Serialize(new { messageId, hostId = report.Model.Host, text, version = updated.Version });
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated, new AuditDraft(report.Id, now, actor, SentAction, data),
            Messages: [new MaintainersMessagedHost(report.Id, report.Model.Host, messageId, actor, text, now)]);
    }

    /// <summary>Records the host's message once; null when it is recorded already.</summary>
    public static (Report Report, AuditDraft Audit)? Receive(Report report, HostMessagedMaintainers messaged, DateTimeOffset now)
    {
        if (report.HostMessages.Any(m => m.Id == messaged.MessageId))
        {
            return null;
        }

        var updated = Add(report, new HostThreadMessage(messaged.MessageId, FromHost, messaged.Author, messaged.Text, messaged.SentAt), now);
        var data = JsonSerializer.Serialize(new { messageId = messaged.MessageId, hostId = messaged.HostId, text = messaged.Text, sentAt = messaged.SentAt });
        return (updated, new AuditDraft(report.Id, now, $"host:{messaged.HostId}", ReceivedAction, data));
    }

    /// <summary>Messages arrive out of order across services: the thread is kept in the order they were sent.</summary>
    private static Report Add(Report report, HostThreadMessage message, DateTimeOffset now) => report with
    {
        HostMessages = [.. report.HostMessages.Append(message).OrderBy(m => m.SentAt).ThenBy(m => m.Id)],
        Version = report.Version + 1,
        UpdatedAt = now,
    };
}
