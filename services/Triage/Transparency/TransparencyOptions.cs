namespace SafetyReports.Triage.Transparency;

/// <summary><c>SafetyReports:Triage:Transparency</c>: how the public figures are computed and withheld.</summary>
public sealed class TransparencyOptions
{
    public const string Section = "SafetyReports:Triage:Transparency";

    /// <summary>Counts from 1 to one below this are withheld; a host or model is listed only with this many triaged reports.</summary>
    public int SuppressionThreshold { get; set; } = 5;

    /// <summary>How long a host has, after the first webhook reached it, to acknowledge a report.</summary>
    public TimeSpan AcknowledgementSla { get; set; } = TimeSpan.FromHours(72);

    /// <summary>The period asked for when none is given: this many months up to the current one.</summary>
    public int DefaultMonths { get; set; } = 12;

    /// <summary>The longest period one request may ask for.</summary>
    public int MaxMonths { get; set; } = 60;

    /// <summary>
    /// A month's published figures are sealed once this has passed since the month ended: later changes to its reports
    /// appear as dated errata. Triage, notification and acknowledgement of a month's last reports often come days after it
    /// ends; sealing at once would turn most of those into errata.
    /// </summary>
    public TimeSpan SealAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often Triage looks for months to seal and for changes to sealed ones.</summary>
    public TimeSpan SealCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Changes with the contribution's rules (2: contested responses; 3: reports held as part of a burst) and the
    /// acknowledgement SLA; stores refill their cells at start when it changes.
    /// </summary>
    public string CellsFingerprint => $"3:{(long)AcknowledgementSla.TotalMilliseconds}";

    public bool IsValid() =>
        SuppressionThreshold is >= 1 and <= 1000 && AcknowledgementSla > TimeSpan.Zero && DefaultMonths >= 1 && MaxMonths >= DefaultMonths
        && SealAfter >= TimeSpan.Zero && SealCheckInterval > TimeSpan.Zero;
}
