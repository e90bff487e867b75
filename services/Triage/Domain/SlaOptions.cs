namespace SafetyReports.Triage.Domain;

/// <summary>How long a report of each severity may stay open for triage (<c>SafetyReports:Triage:Sla</c>).</summary>
public sealed record SlaOptions
{
    public const string Section = "SafetyReports:Triage:Sla";

    public TimeSpan Critical { get; init; } = TimeSpan.FromHours(4);
    public TimeSpan High { get; init; } = TimeSpan.FromHours(24);
    public TimeSpan Medium { get; init; } = TimeSpan.FromHours(72);
    public TimeSpan Low { get; init; } = TimeSpan.FromDays(7);

    /// <summary>A report nobody has given a severity yet.</summary>
    public TimeSpan Unassessed { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan For(string? severity) => severity switch
    {
        "critical" => Critical,
        "high" => High,
        "medium" => Medium,
        "low" => Low,
        _ => Unassessed,
    };

    public IEnumerable<(string Name, TimeSpan Value)> Named() =>
        [("Critical", Critical), ("High", High), ("Medium", Medium), ("Low", Low), ("Unassessed", Unassessed)];
}
