namespace SafetyReports.Intake.Domain;

/// <summary>How a submission arrived, as far as storing it is concerned.</summary>
/// <param name="IdempotencyKeyHash">The client's <c>Idempotency-Key</c>, if any, as its record is stored: scoped to the client (<c>IdempotencyScope</c>).</param>
/// <param name="RequestHash">A hash of the request: the same key with another request is refused.</param>
/// <param name="ClientHash">The keyed hash of the client address (never the address itself).</param>
/// <param name="Unchallenged">Accepted without a proof of work.</param>
public sealed record SubmissionContext(string? IdempotencyKeyHash, string RequestHash, string ClientHash, bool Unchallenged);
