namespace SafetyReports.Intake.Transparency;

public enum TransparencyOutcome
{
    Ok,

    /// <summary>Triage refused the query (400): the period, most likely; <see cref="TransparencyAnswer.Errors"/> says why.</summary>
    Invalid,

    NotFound,

    /// <summary>Triage could not be reached, timed out, or answered with something else.</summary>
    Unavailable,
}

/// <summary>Triage's answer to a <see cref="TransparencyQuery"/>: the body as it came (the downloads pass it on unchanged).</summary>
public sealed record TransparencyAnswer(TransparencyOutcome Outcome, byte[] Body, string? ContentType, IReadOnlyList<string> Errors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly TransparencyAnswer Unavailable = new(TransparencyOutcome.Unavailable, [], null, []);

    public static readonly TransparencyAnswer NotFound = new(TransparencyOutcome.NotFound, [], null, []);

    public static TransparencyAnswer Ok(byte[] body, string? contentType) => new(TransparencyOutcome.Ok, body, contentType, []);

    public static TransparencyAnswer Invalid(IReadOnlyList<string> errors) => new(TransparencyOutcome.Invalid, [], null, errors);

    /// <summary>The figures in the body, or null when it is not the JSON expected.</summary>
    public PublishedFigures? Figures()
    {
        if (Outcome != TransparencyOutcome.Ok)
        {
            return null;
        }

        try
        {
            var figures = JsonSerializer.Deserialize<PublishedFigures>(Body, Json);
            return figures is { Groups: not null, From: not null, To: not null } ? figures : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
