namespace SafetyReports.Notification.Api;

public sealed record CreateHostRequest(string? Id, string? Name, string? ContactEmail);

public sealed record CreateSubscriptionRequest(string? Url, List<string?>? Events, List<string?>? ModelPatterns);

/// <summary>A <c>PATCH</c> of a subscription: a field left out (or null) stays as it is.</summary>
public sealed record UpdateSubscriptionRequest(string? Url, List<string?>? Events, List<string?>? ModelPatterns);

public sealed record AcknowledgeRequest(string? Note);

/// <param name="Since">An ISO 8601 date and time: failed deliveries created at or after it are sent again.</param>
public sealed record RecoverRequest(string? Since);
