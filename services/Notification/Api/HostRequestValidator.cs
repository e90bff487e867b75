using System.Net.Mail;
using System.Text.RegularExpressions;

namespace SafetyReports.Notification.Api;

/// <summary>Field rules of the hosts and subscriptions API.</summary>
public static partial class HostRequestValidator
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,99}\z")]
    private static partial Regex HostIdPattern();

    public static bool IsHostId(string? id) => id is not null && HostIdPattern().IsMatch(id);

    public static Dictionary<string, string[]> Validate(CreateHostRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsHostId(request.Id))
        {
            errors["id"] = ["1 to 100 characters: lower-case letters, digits, '.', '_' or '-', as in reports' model.host."];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["1 to 200 characters."];
        }

        if (string.IsNullOrWhiteSpace(request.ContactEmail) || request.ContactEmail.Length > 254
            || !MailAddress.TryCreate(request.ContactEmail, out _))
        {
            errors["contactEmail"] = ["An e-mail address."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> ValidateSubscription(CreateSubscriptionRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!AreEvents(request.Events))
        {
            errors["events"] = [EventsRule];
        }

        if (request.ModelPatterns is { } patterns && !ArePatterns(patterns))
        {
            errors["modelPatterns"] = [PatternsRule];
        }

        return errors;
    }

    /// <summary>The rules of creation for the fields an edit gives; the URL is checked by <see cref="Webhooks.WebhookTargetValidator"/>.</summary>
    public static Dictionary<string, string[]> ValidateUpdate(UpdateSubscriptionRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Events is { } events && !AreEvents(events))
        {
            errors["events"] = [EventsRule];
        }

        if (request.ModelPatterns is { } patterns && !ArePatterns(patterns))
        {
            errors["modelPatterns"] = [PatternsRule];
        }

        return errors;
    }

    private static readonly string EventsRule = $"One or more of: {string.Join(", ", WebhookEvents.Subscribable)}.";

    private static readonly string PatternsRule =
        $"At most 50 globs over model ids, each 1 to {ModelPattern.MaxLength} characters without spaces and with at most {ModelPattern.MaxWildcards} wildcards (e.g. \"org/*\").";

    private static bool AreEvents(List<string?>? events) =>
        events is { Count: > 0 } && events.All(e => e is not null && WebhookEvents.Subscribable.Contains(e));

    private static bool ArePatterns(List<string?> patterns) => patterns.Count <= 50 && patterns.All(ModelPattern.IsValid);
}
