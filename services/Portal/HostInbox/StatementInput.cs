namespace SafetyReports.Portal.HostInbox;

/// <summary>
/// The statement-of-reasons form as posted (every field a string, as typed) or as prefilled from the host's current
/// response. <see cref="AutomatedDetection"/> and <see cref="AutomatedDecision"/> are <c>yes</c>, <c>no</c> or empty
/// (not stated); <see cref="Until"/> is a UTC date and time (<c>yyyy-MM-ddTHH:mm</c>, the input's format).
/// </summary>
public sealed record StatementInput
{
    public string? Action { get; init; }
    public string? Scope { get; init; }
    public string? Until { get; init; }
    public string? Grounds { get; init; }
    public string? DecisionGround { get; init; }
    public string? LegalGround { get; init; }
    public string? TermsReference { get; init; }
    public string? TerritorialScope { get; init; }
    public string? AutomatedDetection { get; init; }
    public string? AutomatedDecision { get; init; }
    public string? Redress { get; init; }
    public string? Note { get; init; }

    public const string Yes = "yes";
    public const string No = "no";

    public const string UntilFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>The form prefilled with the response on record, so a revision starts from it.</summary>
    public static StatementInput From(HostResponseView? response) => response is null ? new StatementInput() : new StatementInput
    {
        Action = response.Action,
        Scope = response.Scope,
        Until = response.Until?.UtcDateTime.ToString(UntilFormat, CultureInfo.InvariantCulture),
        Grounds = response.Grounds,
        DecisionGround = response.DecisionGround,
        LegalGround = response.LegalGround,
        TermsReference = response.TermsReference,
        TerritorialScope = response.TerritorialScope is { Count: > 0 } codes ? string.Join(' ', codes) : null,
        AutomatedDetection = YesNo(response.AutomatedDetection),
        AutomatedDecision = YesNo(response.AutomatedDecision ?? response.Automated),
        Redress = response.Redress,
        Note = response.Note,
    };

    private static string? YesNo(bool? value) => value switch { true => Yes, false => No, null => null };
}
