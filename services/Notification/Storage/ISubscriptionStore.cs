namespace SafetyReports.Notification.Storage;

/// <summary>A host's webhook subscriptions: their endpoints, secrets, failing periods and whether they are enabled.</summary>
public interface ISubscriptionStore
{
    Task AddSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<Subscription?> GetSubscriptionAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(string hostId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="rotated"/>'s secrets if the subscription still signs with <paramref name="expectedCurrentSecret"/>;
    /// false when it does not (a concurrent rotation) or does not exist.
    /// </summary>
    Task<bool> RotateSecretAsync(Subscription rotated, string expectedCurrentSecret, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the edit's URL, events and model patterns (and clears the failing period when it restarts it);
    /// the secret, the state and the host stay. False when unknown.
    /// </summary>
    Task<bool> EditSubscriptionAsync(SubscriptionEdit edit, CancellationToken cancellationToken);

    /// <summary>
    /// The disabled subscriptions whose reason is automatic (<see cref="DisabledReasons.Automatic"/>), most recently
    /// disabled first, at most <paramref name="max"/>, with how many there are in all. Read through an index of the disabled ones.
    /// </summary>
    Task<AutoDisabledSubscriptions> GetAutoDisabledSubscriptionsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Enables the subscription and forgets its failing period, disable reason and time; false when unknown.</summary>
    Task<bool> EnableSubscriptionAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Disables an enabled subscription with its reason and time and, in the same transaction, its announcement.
    /// False when it was already disabled or does not exist (nothing is written).
    /// </summary>
    Task<bool> DisableSubscriptionAsync(Guid id, string reason, DateTimeOffset at, OutboxMessage? announcement, CancellationToken cancellationToken);

    /// <summary>
    /// Starts, keeps or ends the subscription's failing period after an attempt (a success ends it, a failure
    /// starts it unless it runs already). Returns the subscription as it now is; null when unknown.
    /// </summary>
    Task<Subscription?> RecordEndpointOutcomeAsync(Guid id, bool succeeded, DateTimeOffset at, CancellationToken cancellationToken);
}
