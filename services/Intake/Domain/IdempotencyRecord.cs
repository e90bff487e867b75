namespace SafetyReports.Intake.Domain;

/// <summary>
/// The first answer to a request with an <c>Idempotency-Key</c>. The key and the body are kept as
/// hashes; the answer (which holds the status token) is kept encrypted, never in clear.
/// </summary>
public sealed record IdempotencyRecord(string KeyHash, string RequestHash, Guid ReportId, string ProtectedResponse, DateTimeOffset CreatedAt);
