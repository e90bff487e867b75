namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// One mail as it waits in a store's mail outbox (protected at rest, <see cref="MailProtector"/>). <see cref="Id"/> is
/// derived from the event and the recipient, so the same event queued twice is one mail, and the Message-ID every attempt
/// carries is the same (<see cref="MessageId"/>).
/// </summary>
/// <param name="Html">The HTML part, its every outside text already escaped (<see cref="MailHtml"/>).</param>
/// <param name="UnsubscribeUrl">When set: the RFC 8058 one-click <c>List-Unsubscribe</c> address.</param>
/// <param name="Language">The BCP 47 tag of the texts (<c>Content-Language</c>).</param>
public sealed record OutgoingMail(
    Guid Id,
    string To,
    string Subject,
    string Text,
    string Html,
    string Language,
    Uri? UnsubscribeUrl = null)
{
    /// <summary>The Message-ID (without angle brackets) of this mail from <paramref name="domain"/>.</summary>
    public string MessageId(string domain) => $"{Id:N}@{domain}";
}
