namespace SafetyReports.Notification.Domain;

/// <summary>
/// A host's statement of reasons about a report (EU DSA Art. 17): what it did, to what extent and
/// until when, on which grounds, and whether the decision was automated; then, all optional, the fields
/// of the DSA Transparency Database that apply. Responses recorded before those fields existed have none.
/// </summary>
/// <param name="Action">One of <see cref="Contracts.HostResponseActions.All"/>.</param>
/// <param name="Scope">What the action covers (e.g. "the repository, worldwide").</param>
/// <param name="Until">When a temporary measure ends; null when it does not.</param>
/// <param name="DecisionGround">One of <see cref="Contracts.DecisionGrounds.All"/>.</param>
/// <param name="LegalGround">The law the content breaks; only with <c>illegal_content</c>.</param>
/// <param name="TermsReference">The terms the content breaks; only with <c>incompatible_with_terms</c>.</param>
/// <param name="TerritorialScope">Assigned ISO 3166-1 alpha-2 codes in alphabetical order, or the single value <see cref="TerritorialScopes.Worldwide"/>.</param>
/// <param name="Redress">How to appeal the decision to the host.</param>
public sealed record HostResponse(
    string Action,
    string? Scope,
    DateTimeOffset? Until,
    string Grounds,
    bool Automated,
    string? Note,
    string? DecisionGround = null,
    string? LegalGround = null,
    string? TermsReference = null,
    IReadOnlyList<string>? TerritorialScope = null,
    bool? AutomatedDetection = null,
    bool? AutomatedDecision = null,
    string? Redress = null)
{
    // A record compares a list by reference; a re-sent statement must compare equal to the stored one.
    public bool Equals(HostResponse? other) =>
        other is not null
        && Action == other.Action && Scope == other.Scope && Until == other.Until && Grounds == other.Grounds
        && Automated == other.Automated && Note == other.Note && DecisionGround == other.DecisionGround
        && LegalGround == other.LegalGround && TermsReference == other.TermsReference
        && AutomatedDetection == other.AutomatedDetection && AutomatedDecision == other.AutomatedDecision && Redress == other.Redress
        && (TerritorialScope is null ? other.TerritorialScope is null : other.TerritorialScope is not null && TerritorialScope.SequenceEqual(other.TerritorialScope));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Action);
        hash.Add(Scope);
        hash.Add(Until);
        hash.Add(Grounds);
        hash.Add(Automated);
        hash.Add(Note);
        hash.Add(DecisionGround);
        hash.Add(LegalGround);
        hash.Add(TermsReference);
        hash.Add(AutomatedDetection);
        hash.Add(AutomatedDecision);
        hash.Add(Redress);
        foreach (var code in TerritorialScope ?? [])
        {
            hash.Add(code);
        }

        return hash.ToHashCode();
    }
}

public static class TerritorialScopes
{
    /// <summary>The one value besides country codes: the measure applies everywhere.</summary>
    public const string Worldwide = "worldwide";
}
