namespace SafetyReports.Portal;

/// <summary>Checked at start, so a misconfigured portal fails with a message naming the key instead of at the first sign-in.</summary>
public sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{PortalOptions.Section}:ClientSecret is required: the secret of the portal's client '{options.ClientId}' in Identity " +
                $"(seeded there under SafetyReports:Identity:Clients:N:ClientSecret). Set {PortalOptions.Section}:Enabled=false to run without the portal.");
        }
        else if (ConfiguredSecret.Problem($"{PortalOptions.Section}:ClientSecret", options.ClientSecret) is { } weak)
        {
            failures.Add(weak);
        }

        foreach (var (key, value) in new[]
                 {
                     ("Authority", options.Authority), ("TriageApi", options.TriageApi),
                     ("NotificationApi", options.NotificationApi), ("IdentityApi", options.IdentityApi),
                 })
        {
            if (!IsHttpUrl(value))
            {
                failures.Add($"{PortalOptions.Section}:{key} must be an absolute http(s) URL without user-info (was '{value}').");
            }
        }

        if (options.SessionIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{PortalOptions.Section}:SessionIdleTimeout must be positive (hh:mm:ss).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && string.IsNullOrEmpty(uri.UserInfo);
}
