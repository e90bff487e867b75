namespace SafetyReports.Triage.Domain;

/// <summary>The body of <c>PUT /api/v1/triage/me/notifications</c>.</summary>
/// <param name="NewReportSeverity">One of <see cref="Severities.All"/>, or null / empty for none.</param>
/// <param name="Delivery"><c>Immediate</c> or <c>DailyDigest</c>.</param>
public sealed record NotificationPreferencesRequest(
    string? Email,
    string? NewReportSeverity,
    bool SlaBreach,
    bool ReporterAnswered,
    bool HostResponded,
    bool Contested,
    string? Delivery)
{
    public const int MaxEmailLength = 254;

    /// <summary>The preferences this asks for, or the field errors (and nothing to save).</summary>
    /// <param name="name">The name reports are assigned to the caller under (see <see cref="MaintainerNotifications.Name"/>).</param>
    public (MaintainerNotifications? Preferences, Dictionary<string, string[]> Errors) Validate(string maintainer, string? name, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        var severity = string.IsNullOrWhiteSpace(NewReportSeverity) ? null : NewReportSeverity.Trim().ToLowerInvariant();
        if (email is not null && (email.Length > MaxEmailLength || !MailboxAddressCheck.IsAddress(email)))
        {
            errors["email"] = ["Enter an e-mail address such as name@example.org."];
        }

        if (severity is not null && !Severities.IsKnown(severity))
        {
            errors["newReportSeverity"] = [$"Choose one of: {string.Join(", ", Severities.All)}, or none."];
        }

        if (!Enum.TryParse<NotificationDelivery>(Delivery, ignoreCase: true, out var delivery) || !Enum.IsDefined(delivery)
            || int.TryParse(Delivery, out _))
        {
            errors["delivery"] = ["Choose Immediate or DailyDigest."];
        }

        var preferences = new MaintainerNotifications(maintainer, email, severity, SlaBreach, ReporterAnswered, HostResponded, Contested, delivery, now, name);
        if (errors.Count == 0 && email is null && preferences with { Email = "x" } is { WantsAny: true })
        {
            errors["email"] = ["Enter the address to write to, or turn every notification off."];
        }

        return errors.Count == 0 ? (preferences, errors) : (null, errors);
    }
}
