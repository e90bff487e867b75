using SafetyReports.Intake.Evidence;
using SafetyReports.Intake.Storage;
using SafetyReports.ServiceDefaults.Contacts;
using SafetyReports.ServiceDefaults.Email;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Intake;

/// <summary>Accepts a validated submission: through the gate, stored durably, then the hand-over to Triage woken.</summary>
public sealed class ReportIntake(
    ISubmissionStore store,
    ReporterContactProtector contactProtector,
    IDataProtectionProvider dataProtection,
    HandoverSignal handoverSignal,
    ReporterLinks links,
    SubmissionGate gate,
    EvidenceFileRules evidenceFiles,
    ClientAddressHasher clients,
    IOptions<IntakeOptions> options,
    TimeProvider clock)
{
    private readonly IDataProtector _responseProtector = dataProtection.CreateProtector("SafetyReports.Intake.IdempotentResponse.v1");

    /// <summary>
    /// The one submit sequence of the form and the API, once their own field checks passed: a retry with the client's
    /// <c>Idempotency-Key</c> (<paramref name="idempotencyKeyHash"/>, from <see cref="IdempotencyScope"/>) gets its first
    /// answer before the proof of work or rate limit is looked at, since it adds nothing; then the gate; then the evidence
    /// files are made safe (images decoded and re-encoded: the costly step, done only for a submission that passed the
    /// gate; the caller screened them with <see cref="EvidenceFileRules.Screen"/> before); then the store, files included.
    /// </summary>
    /// <param name="requestHash">For a submission with files, <see cref="EvidenceRequestHash.Of"/>: a retry must send the same files.</param>
    public async Task<SubmitAttempt> SubmitAsync(
        ReportSubmissionRequest request, string requestHash, string? idempotencyKeyHash, IPAddress? client, string? proof,
        bool allowUnchallenged, IReadOnlyList<IncomingEvidenceFile> files, CancellationToken cancellationToken)
    {
        if (idempotencyKeyHash is not null && await store.FindIdempotencyAsync(idempotencyKeyHash, cancellationToken) is { } earlier)
        {
            return new SubmitAttempt(Replay(earlier, requestHash), null);
        }

        var passed = await gate.CheckAsync(client, proof, allowUnchallenged, cancellationToken);
        if (passed.Verdict != GateVerdict.Allowed)
        {
            return new SubmitAttempt(null, passed);
        }

        var checkedFiles = evidenceFiles.Check(files, request.Category);
        if (checkedFiles.Refusal is not null)
        {
            return new SubmitAttempt(null, null, checkedFiles);
        }

        var context = new SubmissionContext(idempotencyKeyHash, requestHash, clients.Hash(client), passed.Unchallenged);
        var stored = checkedFiles.Files.Select(StoredEvidenceFile.From).ToList();
        return new SubmitAttempt(await StoreAsync(request, context, stored, cancellationToken), null);
    }

    /// <summary>
    /// Without an <c>Idempotency-Key</c>, a near-identical submission from the same client within the
    /// fold window gets the first one's answer (same report, same token) instead of a second report.
    /// </summary>
    private async Task<SubmissionOutcome> StoreAsync(
        ReportSubmissionRequest request, SubmissionContext context, IReadOnlyList<StoredEvidenceFile> files, CancellationToken cancellationToken)
    {
        var folding = context.IdempotencyKeyHash is null;
        var now = clock.GetUtcNow();
        var (keyHash, requestHash) = context.IdempotencyKeyHash is { } scopedKey
            ? (scopedKey, context.RequestHash)
            : FoldKey(request, files, context.ClientHash, now);
        // A client's own key was looked up before the gate (SubmitAsync), and a race on it
        // ends in AddAsync's conflict below; folds are looked up here, in this window and the previous
        // one (windows are aligned to the clock, so a resubmission just after a boundary still folds).
        if (folding && await store.FindIdempotencyAsync(keyHash, cancellationToken) is { } earlier)
        {
            return Replay(earlier, requestHash);
        }

        if (folding
            && await store.FindIdempotencyAsync(FoldKey(request, files, context.ClientHash, now - options.Value.FoldWindow).KeyHash, cancellationToken) is { } previous
            && previous.CreatedAt >= now - options.Value.FoldWindow)
        {
            return Replay(previous, requestHash);
        }

        var id = OpaqueId.New();
        var token = SecretHasher.NewToken();
        var receipt = new SubmissionReceipt(id, token, ReportStatuses.Received);
        var submission = new Submission(id, now, SecretHasher.Hash(token), ToMessage(id, now, request, context, files), System.Diagnostics.Activity.Current?.Id, files);
        // A client's own key replays the whole first answer (the contract); a fold answers without the token.
        var remembered = folding ? receipt with { StatusToken = null, Folded = true } : receipt;
        var idempotency = new IdempotencyRecord(keyHash, requestHash, id, _responseProtector.Protect(JsonSerializer.Serialize(remembered)), now);

        var result = await store.AddAsync(submission, idempotency, cancellationToken);
        if (!result.Added)
        {
            // Another request with the same key won the race: answer as it was answered.
            return Replay(result.Existing!, requestHash);
        }

        handoverSignal.Notify();
        return new SubmissionOutcome(SubmissionOutcomeKind.Accepted, receipt);
    }

    /// <summary>The receipt that <paramref name="link"/> (a status link from a mail, when given) or else <paramref name="token"/> opens.</summary>
    public async Task<Receipt?> FindReceiptAsync(Guid id, string? token, string? link, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(link))
        {
            return await FindReceiptAsync(id, token, cancellationToken);
        }

        var (receipt, _) = await FindReceiptByLinkAsync(link, cancellationToken);
        return receipt?.Id == id ? receipt : null;
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

    /// <summary>
    /// The receipt a status link from a reporter's mail opens (<see cref="ReporterLinks"/>): signed by Triage, it stands for the
    /// status token until it expires. Null with <see cref="LinkReading.Expired"/> telling an expired link from a bad one.
    /// </summary>
    public async Task<(Receipt? Receipt, bool Expired)> FindReceiptByLinkAsync(string? link, CancellationToken cancellationToken)
    {
        var reading = links.ReadStatusToken(link, clock.GetUtcNow());
        return reading.ReportId is { } id ? (await store.FindReceiptAsync(id, cancellationToken), false) : (null, reading.Expired);
    }

    /// <summary>
    /// The one-click unsubscribe of a reporter's mail: tells Triage to send no more mails about the report and, when the
    /// reporter also asked for it, erases their contact as <see cref="EraseContactAsync"/> does. False for a link that is not
    /// ours; repeating it changes nothing more.
    /// </summary>
    public async Task<bool> UnsubscribeAsync(string? token, bool eraseContact, CancellationToken cancellationToken)
    {
        if (links.ReadUnsubscribeToken(token) is not { } id || await store.FindReceiptAsync(id, cancellationToken) is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await store.AddToOutboxAsync(OutboxMessage.For(new ReporterUnsubscribed(id, now), now), cancellationToken);
        if (eraseContact)
        {
            await store.EraseContactAsync(id, OutboxMessage.For(new ReporterContactErased(id, now), now), cancellationToken);
        }

        return true;
    }

    /// <summary>Queues a reporter's answer to a request for more information for Triage.</summary>
    /// <param name="link">A status link from a mail, standing for <paramref name="token"/> until it expires.</param>
    public async Task<ReplyOutcome> ReplyAsync(Guid id, string? token, string message, CancellationToken cancellationToken, string? link = null)
    {
        var receipt = await FindReceiptAsync(id, token, link, cancellationToken);
        if (receipt is null)
        {
            return ReplyOutcome.NotFound;
        }

        if (receipt.Status != ReportStatuses.NeedsInfo)
        {
            return ReplyOutcome.NotAwaitingInformation;
        }

        var now = clock.GetUtcNow();
        // The same answer sent twice (a double click) while the receipt still says needs_info is one answer.
        var messageId = DeterministicId.From($"{id:N}/{receipt.StatusVersion}/{SecretHasher.Hash(message)}");
        await store.AddToOutboxAsync(OutboxMessage.For(new ReporterReplied(id, messageId, message, now), now), cancellationToken);
        return ReplyOutcome.Accepted;
    }

    /// <summary>
    /// The reporter contests the host's response with the status token: the contest goes on the receipt and, in the same
    /// write, <see cref="ReporterContested"/> into the outbox for Triage.
    /// </summary>
    public async Task<ContestResult> ContestAsync(Guid id, string? token, string reason, CancellationToken cancellationToken, string? link = null)
    {
        var receipt = await FindReceiptAsync(id, token, link, cancellationToken);
        if (receipt is null)
        {
            return new ContestResult(ContestOutcome.NotFound);
        }

        if (ContestRules.Check(receipt.HostResponse, receipt.Contests) is var allowed and not ContestOutcome.Accepted)
        {
            return new ContestResult(allowed);
        }

        var now = clock.GetUtcNow();
        var contest = ContestRules.Open(id, receipt.HostResponse!, now);
        var contested = new ReporterContested(id, contest.Id, contest.HostId, contest.ResponseRevision, reason, now);
        var outcome = await store.AddContestAsync(id, contest, OutboxMessage.For(contested, now), cancellationToken);
        return new ContestResult(outcome, outcome == ContestOutcome.Accepted ? contest : null);
    }

    /// <summary>
    /// The reporter erases their contact with the status token: Intake drops any copy it still holds and tells
    /// Triage to drop its own. False (a 404, as for the status) for an unknown id or a wrong token.
    /// </summary>
    public async Task<bool> EraseContactAsync(Guid id, string? token, CancellationToken cancellationToken)
    {
        if (await FindReceiptAsync(id, token, cancellationToken) is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await store.EraseContactAsync(id, OutboxMessage.For(new ReporterContactErased(id, now), now), cancellationToken);
        return true;
    }

    /// <summary>The same text with other files is another report: the files' original hashes are part of what folds.</summary>
    private (string KeyHash, string RequestHash) FoldKey(
        ReportSubmissionRequest request, IReadOnlyList<StoredEvidenceFile> files, string clientHash, DateTimeOffset now)
    {
        var fingerprint = NearDuplicateFingerprint.Of(request);
        if (files.Count > 0)
        {
            fingerprint = SecretHasher.Hash($"{fingerprint}:{string.Join(',', files.Select(f => f.Record.OriginalSha256))}");
        }

        var window = Math.Max(1, (long)options.Value.FoldWindow.TotalSeconds);
        var bucket = now.ToUnixTimeSeconds() / window;
        return (SecretHasher.Hash($"fold:{clientHash}:{fingerprint}:{bucket}"), fingerprint);
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

    private ReportSubmitted ToMessage(
        Guid id, DateTimeOffset now, ReportSubmissionRequest request, SubmissionContext context, IReadOnlyList<StoredEvidenceFile> files)
    {
        var model = request.Model!;
        var contact = request.Reporter is null ? null : new ReporterContact(Blank(request.Reporter.Name), Blank(request.Reporter.Email));
        return new ReportSubmitted(
            id,
            now,
            new ModelReference(model.Host!.Trim().ToLowerInvariant(), model.Id!.Trim(), Blank(model.Revision), Blank(model.Url),
                FileDigests.Check(model.FileDigests, "model.fileDigests").Digests is { Count: > 0 } digests ? digests : null),
            request.Category!,
            request.Severity,
            request.Title!.Trim(),
            request.Description!,
            (request.Evidence ?? []).Select(e => new EvidenceItem(e!.Kind!, e.Content!)).ToList(),
            contactProtector.Protect(contact),
            request.ContactAllowed == true && contact is { IsEmpty: false },
            context.Unchallenged,
            context.ClientHash,
            ReporterLanguage(request.Language),
            request.NotifyByEmail == true && contact?.Email is not null,
            files.Count == 0 ? null : files.Select(file => file.Record.ToReference()).ToList());
    }

    /// <summary>
    /// The language asked for, else the request's (the page's language on the form, set by request localisation; on the API,
    /// what the request negotiated), else English.
    /// </summary>
    public static string ReporterLanguage(string? requested) =>
        SupportedLanguages.Match(requested) ?? SupportedLanguages.Match(CultureInfo.CurrentUICulture.Name) ?? SupportedLanguages.Default;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
