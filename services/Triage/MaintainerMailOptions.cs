namespace SafetyReports.Triage;

/// <summary><c>SafetyReports:Triage:MaintainerMail</c>: when the maintainers' daily digests go out, how often the SLA watch looks.</summary>
public sealed class MaintainerMailOptions
{
    public const string Section = "SafetyReports:Triage:MaintainerMail";

    /// <summary>The hour (UTC, 0–23) the daily digests go out, each covering the 24 hours before.</summary>
    public int DigestHourUtc { get; set; } = 7;

    /// <summary>How often the SLA watch looks for passed deadlines and the digests are checked.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsValid() => DigestHourUtc is >= 0 and <= 23 && CheckInterval >= TimeSpan.FromSeconds(1) && CheckInterval <= TimeSpan.FromHours(1);
}

public sealed class MaintainerMailOptionsValidator() : OneRuleOptionsValidator<MaintainerMailOptions>(o => o.IsValid(),
    $"{MaintainerMailOptions.Section}: DigestHourUtc 0–23, CheckInterval from 1 second to 1 hour.");
