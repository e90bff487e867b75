namespace SafetyReports.Intake.Domain;

/// <summary>
/// The host's statement of reasons as the reporter sees it: all of <see cref="HostResponded"/> except the host's note,
/// which is written for the maintainers and is not kept here.
/// </summary>
public sealed record ReceiptHostResponse(
    string HostId,
    int Revision,
    string Action,
    string? Scope,
    DateTimeOffset? Until,
    string Grounds,
    string? DecisionGround,
    string? LegalGround,
    string? TermsReference,
    IReadOnlyList<string>? TerritorialScope,
    bool? AutomatedDetection,
    bool? AutomatedDecision,
    bool Automated,
    string? Redress,
    DateTimeOffset RespondedAt)
{
    public static ReceiptHostResponse From(HostResponded responded) => new(
        responded.HostId,
        responded.Revision,
        responded.Action,
        responded.Scope,
        responded.Until,
        responded.Grounds,
        responded.DecisionGround,
        responded.LegalGround,
        responded.TermsReference,
        responded.TerritorialScope is null ? null : [.. responded.TerritorialScope],
        responded.AutomatedDetection,
        responded.AutomatedDecision,
        responded.Automated,
        responded.Redress,
        responded.RespondedAt);

    /// <summary>
    /// Events are not ordered and may repeat: the receipt keeps the host's latest revision.
    /// </summary>
    /// <returns>The response to keep, or null when <paramref name="incoming"/> changes nothing (a repeat or an older revision).</returns>
    public static ReceiptHostResponse? Apply(ReceiptHostResponse? current, ReceiptHostResponse incoming) =>
        current is null || incoming.Revision > current.Revision ? incoming : null;
}
