using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using SafetyReports.Contracts;
using SafetyReports.Intake.Api;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Storage;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Intake;

/// <summary>Accepts a validated submission: stores it durably, then wakes the hand-over to Triage.</summary>
public sealed class ReportIntake(
    ISubmissionStore store,
    ReporterContactProtector contactProtector,
    IDataProtectionProvider dataProtection,
    HandoverSignal handoverSignal,
    TimeProvider clock)
{
    private readonly IDataProtector _responseProtector = dataProtection.CreateProtector("SafetyReports.Intake.IdempotentResponse.v1");

    /// <param name="idempotencyKey">The client's <c>Idempotency-Key</c>, if any.</param>
    /// <param name="requestHash">A hash of the raw body: the same key with another body is refused.</param>
    public async Task<SubmissionOutcome> SubmitAsync(
        ReportSubmissionRequest request, string? idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var keyHash = idempotencyKey is null ? null : SecretHasher.Hash(idempotencyKey);
        if (keyHash is not null && await store.FindIdempotencyAsync(keyHash, cancellationToken) is { } earlier)
        {
            return Replay(earlier, requestHash);
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var token = SecretHasher.NewToken();
        var receipt = new SubmissionReceipt(id, token, ReportStatuses.Received);
        var submission = new Submission(id, now, SecretHasher.Hash(token), ToMessage(id, now, request), System.Diagnostics.Activity.Current?.Id);
        var idempotency = keyHash is null
            ? null
            : new IdempotencyRecord(keyHash, requestHash, id, _responseProtector.Protect(JsonSerializer.Serialize(receipt)), now);

        var result = await store.AddAsync(submission, idempotency, cancellationToken);
        if (!result.Added)
        {
            // Another request with the same key won the race: answer as it was answered.
            return Replay(result.Existing!, requestHash);
        }

        handoverSignal.Notify();
        return new SubmissionOutcome(SubmissionOutcomeKind.Accepted, receipt);
    }

    public async Task<Receipt?> FindReceiptAsync(Guid id, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        var receipt = await store.FindReceiptAsync(id, cancellationToken);
        return receipt is not null && SecretHasher.Matches(token, receipt.TokenHash) ? receipt : null;
    }

    private SubmissionOutcome Replay(IdempotencyRecord earlier, string requestHash)
    {
        if (earlier.RequestHash != requestHash)
        {
            return new SubmissionOutcome(SubmissionOutcomeKind.IdempotencyKeyReused);
        }

        var receipt = JsonSerializer.Deserialize<SubmissionReceipt>(_responseProtector.Unprotect(earlier.ProtectedResponse))!;
        return new SubmissionOutcome(SubmissionOutcomeKind.Replayed, receipt);
    }

    private ReportSubmitted ToMessage(Guid id, DateTimeOffset now, ReportSubmissionRequest request)
    {
        var model = request.Model!;
        var contact = request.Reporter is null ? null : new ReporterContact(Blank(request.Reporter.Name), Blank(request.Reporter.Email));
        return new ReportSubmitted(
            id,
            now,
            new ModelReference(model.Host!.Trim().ToLowerInvariant(), model.Id!.Trim(), Blank(model.Revision), Blank(model.Url)),
            request.Category!,
            request.Severity,
            request.Title!.Trim(),
            request.Description!,
            (request.Evidence ?? []).Select(e => new EvidenceItem(e!.Kind!, e.Content!)).ToList(),
            contactProtector.Protect(contact),
            request.ContactAllowed == true && contact is { IsEmpty: false });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
