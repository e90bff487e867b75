namespace SafetyReports.Triage.Disclosure;

/// <summary>
/// <c>SafetyReports:Triage:Disclosure</c>: when a triaged report has had no response from its host for
/// <see cref="After"/>, a redacted entry about it is published; the host is reminded <see cref="ReminderBefore"/> earlier.
/// Off unless <see cref="After"/> is set (typical: 90 days).
/// </summary>
public sealed class DisclosureOptions
{
    public const string Section = "SafetyReports:Triage:Disclosure";

    public TimeSpan? After { get; set; }

    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    public int BatchSize { get; set; } = 100;

    public bool Enabled => After is not null;

    public bool IsValid() =>
        (After is null || (After > TimeSpan.Zero && ReminderBefore >= TimeSpan.Zero && ReminderBefore < After))
        && CheckInterval > TimeSpan.Zero && BatchSize is > 0 and <= 10_000;
}
