namespace SafetyReports.Notification;

public sealed class NotificationOptionsValidator : OptionsValidator<NotificationOptions>
{
    protected override IEnumerable<string> Failures(NotificationOptions options)
    {
        if (!options.IsValid())
        {
            yield return $"{NotificationOptions.Section}: timeouts, intervals and limits must be positive (queue capacity at least the per-endpoint concurrency), retry delays not negative, jitter in [0, 1).";
        }

        if (options.PublicBaseUrl is not null && !HostReportLinks.IsValidBase(options.PublicBaseUrl))
        {
            yield return $"{NotificationOptions.Section}:PublicBaseUrl: an absolute http or https URL (up to {HostReportLinks.MaxBaseLength} characters) without user info, query or fragment.";
        }
    }
}
