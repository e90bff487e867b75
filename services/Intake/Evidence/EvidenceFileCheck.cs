namespace SafetyReports.Intake.Evidence;

/// <summary>The outcome of checking one file: its value, or why it is refused (a phrase that follows the file's name).</summary>
public sealed record EvidenceFileCheck<T>(T? Value, string? Problem)
    where T : class
{
    public bool IsAccepted => Value is not null;

    public static EvidenceFileCheck<T> Accepted(T value) => new(value, null);

    public static EvidenceFileCheck<T> Refused(string problem) => new(null, problem);
}
