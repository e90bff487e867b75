namespace SafetyReports.Triage.Domain;

/// <summary>
/// <c>SafetyReports:Triage:ContactRetention</c>: how long a closed report keeps its reporter contact;
/// <c>…:ContactPurgeInterval</c>: how often the purge job looks; <c>…:ContactPurgeBatchSize</c>: reports per batch.
/// </summary>
public sealed class ContactRetentionOptions
{
    public const string Section = "SafetyReports:Triage";

    public TimeSpan ContactRetention { get; set; } = TimeSpan.FromDays(180);

    public TimeSpan ContactPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public int ContactPurgeBatchSize { get; set; } = 100;

    public bool IsValid() =>
        ContactRetention > TimeSpan.Zero && ContactPurgeInterval > TimeSpan.Zero && ContactPurgeBatchSize is > 0 and <= 10_000;
}
