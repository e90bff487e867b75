namespace SafetyReports.Notification.Api;

public sealed record CreateHostRequest(string? Id, string? Name, string? ContactEmail);

public sealed record CreateSubscriptionRequest(string? Url, List<string?>? Events, List<string?>? ModelPatterns);

public sealed record AcknowledgeRequest(string? Note);
