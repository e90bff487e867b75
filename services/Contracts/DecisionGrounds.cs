namespace SafetyReports.Contracts;

/// <summary>The grounds of a host's decision, as the EU DSA Transparency Database names them.</summary>
public static class DecisionGrounds
{
    public const string IllegalContent = "illegal_content";
    public const string IncompatibleWithTerms = "incompatible_with_terms";

    public static readonly IReadOnlyList<string> All = [IllegalContent, IncompatibleWithTerms];
}
