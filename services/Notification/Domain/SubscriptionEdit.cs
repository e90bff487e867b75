namespace SafetyReports.Notification.Domain;

/// <summary>
/// A change to a subscription's URL, events and model patterns (its secret, state and host stay).
/// A new URL is a new receiver: its failing period starts again, as the old receiver's failures say nothing about it.
/// </summary>
/// <param name="RestartsFailingPeriod">True when the URL changed: the store clears <c>FailingSince</c>.</param>
public sealed record SubscriptionEdit(Guid Id, string Url, IReadOnlyList<string> Events, IReadOnlyList<string> ModelPatterns, bool RestartsFailingPeriod)
{
    /// <summary>The pattern a subscription without patterns gets: every model of its host.</summary>
    public const string AllModels = "**";

    /// <summary>Applies the fields given (null: unchanged) to <paramref name="current"/>.</summary>
    public static SubscriptionEdit Of(Subscription current, string? url, IReadOnlyList<string>? events, IReadOnlyList<string>? modelPatterns)
    {
        var newUrl = url ?? current.Url;
        return new SubscriptionEdit(
            current.Id,
            newUrl,
            events?.Distinct(StringComparer.Ordinal).ToList() ?? current.Events,
            modelPatterns is null ? current.ModelPatterns : modelPatterns.Count == 0 ? [AllModels] : modelPatterns.Distinct(StringComparer.Ordinal).ToList(),
            !string.Equals(newUrl, current.Url, StringComparison.Ordinal));
    }

    /// <summary>The subscription as the store keeps it after this edit.</summary>
    public Subscription ApplyTo(Subscription current) => current with
    {
        Url = Url,
        Events = Events,
        ModelPatterns = ModelPatterns,
        FailingSince = RestartsFailingPeriod ? null : current.FailingSince,
    };
}
