namespace SafetyReports.Intake.Api;

/// <summary>The 202 body: the status token is shown here once and stored only as a hash.</summary>
/// <param name="StatusToken">
/// Null when the submission was folded into an earlier near-identical one: its token is not handed
/// out again, since anyone behind the same address who knows the text would otherwise get it.
/// </param>
/// <param name="Folded">True when this answer is for an earlier near-identical submission.</param>
public sealed record SubmissionReceipt(Guid Id, string? StatusToken, string Status, bool Folded = false);
