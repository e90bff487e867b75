namespace SafetyReports.ServiceDefaults.Email;

/// <summary>How a transport security of <see cref="SmtpOptions.Security"/> is spelled in configuration.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS (port 587); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,

    /// <summary>No encryption: only for a relay on the same machine or a test server.</summary>
    None,
}

/// <summary>Bound from <c>SafetyReports:Email:Smtp</c>. No <see cref="Host"/>: mails are written as <c>.eml</c> files instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
}

/// <summary>Bound from <c>SafetyReports:Email</c>: the sender, where links in mails point, and the SMTP server.</summary>
public sealed class EmailOptions
{
    public const string Section = "SafetyReports:Email";

    /// <summary>The <c>From</c> address of every mail.</summary>
    public string From { get; set; } = "safety-reports@localhost";

    /// <summary>The public address of the site (Intake's pages and the portal), for the links in mails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000/";

    /// <summary>
    /// The portal's public address, for the links in hosts' mails (Notification) when the portal is not served under
    /// <see cref="PublicBaseUrl"/> (compose and <c>deploy/</c> give it its own address); unset: <see cref="PublicBaseUrl"/>.
    /// </summary>
    public string? PortalBaseUrl { get; set; }

    /// <summary>How long the status link in a reporter's mail opens the report without the status token.</summary>
    public TimeSpan StatusLinkLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The wait before a mail the server did not take is tried again; it doubles with each failure (<see cref="MailRetry"/>).</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two tries of one mail.</summary>
    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a sent mail's id is kept (its content is dropped when sent): within it, the same event seen again queues
    /// nothing; after it, the row is pruned. Far longer than any message is redelivered.
    /// </summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(30);

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>True when mails go to an SMTP server; false when they are written to the mail folder.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The domain part of <see cref="From"/>, the right-hand side of every Message-ID.</summary>
    public string Domain => MailboxAddressCheck.DomainOf(From) ?? "localhost";

    /// <summary>An absolute link under <see cref="PublicBaseUrl"/>.</summary>
    public Uri Link(string relative) => Under(PublicBaseUrl, relative);

    /// <summary>An absolute link under <see cref="PortalBaseUrl"/> (or <see cref="PublicBaseUrl"/> without one).</summary>
    public Uri PortalLink(string relative) => Under(string.IsNullOrWhiteSpace(PortalBaseUrl) ? PublicBaseUrl : PortalBaseUrl, relative);

    private static Uri Under(string baseUrl, string relative) => new(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), relative.TrimStart('/'));
}
