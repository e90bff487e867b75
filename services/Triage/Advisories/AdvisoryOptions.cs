namespace SafetyReports.Triage.Advisories;

/// <summary><c>SafetyReports:Triage:Advisories</c>: how many requests one client address may make to the public advisory routes a minute.</summary>
public sealed class AdvisoryOptions
{
    public const string Section = "SafetyReports:Triage:Advisories";

    public int RequestsPerMinute { get; set; } = 120;

    public bool IsValid() => RequestsPerMinute is > 0 and <= 100_000;
}

public sealed class AdvisoryOptionsValidator() : OneRuleOptionsValidator<AdvisoryOptions>(o => o.IsValid(),
    $"{AdvisoryOptions.Section}: RequestsPerMinute from 1 to 100,000.");
