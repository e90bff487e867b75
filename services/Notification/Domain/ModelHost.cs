namespace SafetyReports.Notification.Domain;

/// <summary>A hub or provider that hosts models; its id is the <c>model.host</c> of reports.</summary>
public sealed record ModelHost(string Id, string Name, string ContactEmail, DateTimeOffset CreatedAt);
