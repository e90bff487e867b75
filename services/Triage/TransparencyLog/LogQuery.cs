namespace SafetyReports.Triage.TransparencyLog;

/// <summary>The log API's numeric query parameters: each read on its own, so a bad one gets its own field error.</summary>
public sealed class LogQuery
{
    /// <summary>The most leaves one request of <c>…/log/leaves</c> returns.</summary>
    public const int MaxLeaves = 1000;

    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>The value of <paramref name="name"/> when it is a whole number from <paramref name="min"/>; null (with a field error) otherwise.</summary>
    public long? Number(string name, string? value, long min, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Errors[name] = [$"Required: a whole number from {min}."];
            }

            return null;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min)
        {
            Errors[name] = [$"A whole number from {min}."];
            return null;
        }

        return number;
    }

    public void Fail(string name, string message) => Errors.TryAdd(name, [message]);

    public bool Valid => Errors.Count == 0;
}
