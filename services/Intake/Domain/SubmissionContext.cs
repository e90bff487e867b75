namespace SafetyReports.Intake.Domain;

/// <summary>How a submission arrived, as far as storing it is concerned.</summary>
/// <param name="IdempotencyKey">The client's <c>Idempotency-Key</c>, if any.</param>
/// <param name="RequestHash">A hash of the request: the same key with another request is refused.</param>
/// <param name="ClientHash">The keyed hash of the client address (never the address itself).</param>
/// <param name="Unchallenged">Accepted without a proof of work.</param>
public sealed record SubmissionContext(string? IdempotencyKey, string RequestHash, string ClientHash, bool Unchallenged);
