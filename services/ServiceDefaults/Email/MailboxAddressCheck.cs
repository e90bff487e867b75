using MimeKit;

namespace SafetyReports.ServiceDefaults.Email;

/// <summary>Whether a text is one plain e-mail address, as MimeKit reads it (no display name, no group, no list).</summary>
public static class MailboxAddressCheck
{
    public static bool IsAddress(string? value) => DomainOf(value) is not null;

    /// <summary>The domain of the one address <paramref name="value"/> is, or null when it is not one address.</summary>
    public static string? DomainOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254 || value.Trim() != value
            || !MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox)
            || mailbox.Name is { Length: > 0 } || mailbox.Route.Count > 0 || mailbox.Address != value)
        {
            return null;
        }

        var at = mailbox.Address.LastIndexOf('@');
        return at > 0 && at < mailbox.Address.Length - 1 ? mailbox.Address[(at + 1)..] : null;
    }
}
