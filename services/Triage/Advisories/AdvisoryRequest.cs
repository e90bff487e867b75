namespace SafetyReports.Triage.Advisories;

/// <summary>
/// <c>PUT /api/v1/triage/reports/{id}/advisory</c> (and its preview): the fields approved and the maintainers' own text.
/// <see cref="ExpectedRevision"/> is the advisory's current revision; absent when publishing for the first time.
/// </summary>
public sealed record AdvisoryRequest(
    IReadOnlyList<string>? Fields,
    string? Summary,
    string? Credit,
    IReadOnlyList<AdvisoryReferenceRequest>? References,
    IReadOnlyList<string>? Aliases,
    int? ExpectedRevision);

public sealed record AdvisoryReferenceRequest(string? Type, string? Url);

/// <summary><c>POST /api/v1/triage/reports/{id}/advisory/withdraw</c>.</summary>
public sealed record AdvisoryWithdrawRequest(int? ExpectedRevision);
