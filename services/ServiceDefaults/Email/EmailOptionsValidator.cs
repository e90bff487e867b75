using Microsoft.Extensions.Options;

namespace SafetyReports.ServiceDefaults.Email;

/// <summary>Refuses at start what would make every mail fail later: a bad sender, base URL, port or credentials pair.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = new List<string>();
        if (MailboxAddressCheck.DomainOf(options.From) is null)
        {
            problems.Add($"{EmailOptions.Section}:From must be one e-mail address (name@domain).");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            problems.Add($"{EmailOptions.Section}:PublicBaseUrl must be an absolute http(s) URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.PortalBaseUrl)
            && (!Uri.TryCreate(options.PortalBaseUrl, UriKind.Absolute, out var portalUrl) || portalUrl.Scheme is not ("http" or "https")))
        {
            problems.Add($"{EmailOptions.Section}:PortalBaseUrl must be an absolute http(s) URL when set.");
        }

        if (options.StatusLinkLifetime <= TimeSpan.Zero)
        {
            problems.Add($"{EmailOptions.Section}:StatusLinkLifetime must be positive.");
        }

        if (options.FirstRetry <= TimeSpan.Zero || options.LongestRetry < options.FirstRetry)
        {
            problems.Add($"{EmailOptions.Section}:FirstRetry must be positive and LongestRetry at least as long.");
        }

        if (options.SentRetention < TimeSpan.FromDays(1))
        {
            problems.Add($"{EmailOptions.Section}:SentRetention must be at least one day: within it a repeated event queues no second mail.");
        }

        if (options.UsesSmtp)
        {
            if (options.Smtp.Port is < 1 or > 65535)
            {
                problems.Add($"{EmailOptions.Section}:Smtp:Port must be 1–65535.");
            }

            if (string.IsNullOrEmpty(options.Smtp.UserName) != string.IsNullOrEmpty(options.Smtp.Password))
            {
                problems.Add($"{EmailOptions.Section}:Smtp:UserName and Password go together: set both or neither.");
            }

            if (!Enum.IsDefined(options.Smtp.Security))
            {
                problems.Add($"{EmailOptions.Section}:Smtp:Security must be StartTls, Tls or None.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
