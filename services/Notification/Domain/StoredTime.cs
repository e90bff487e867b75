namespace SafetyReports.Notification.Domain;

/// <summary>Both stores keep times to the millisecond: a time cut to that is what a later read returns.</summary>
public static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
