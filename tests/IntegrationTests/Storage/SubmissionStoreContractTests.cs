using SafetyReports.Contracts;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Storage;
using SafetyReports.ServiceDefaults.Messaging;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>What every <see cref="ISubmissionStore"/> adapter must do; a subclass per adapter runs it.</summary>
public abstract class SubmissionStoreContractTests : IAsyncDisposable
{
    /// <summary>A new, empty store for this test.</summary>
    protected abstract Task<ISubmissionStore> CreateStoreAsync();

    /// <summary>Whether the stored submission still holds its payload, read from the database directly.</summary>
    protected abstract Task<bool> HasPayloadAsync(Guid id);

    /// <summary>
    /// Overwrites the stored payload with something that is not a submission, in the database directly, as a bug, an
    /// upgrade or a damaged disk would.
    /// </summary>
    protected abstract Task CorruptPayloadAsync(Guid id);

    protected abstract ValueTask DisposeStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeStoreAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task An_added_submission_has_a_received_receipt()
    {
        var store = await CreateStoreAsync();
        var submission = NewSubmission(At(0));

        var result = await store.AddAsync(submission, null, Ct);

        Assert.True(result.Added);
        Assert.Null(result.Existing);
        var receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.NotNull(receipt);
        Assert.Equal(submission.Id, receipt.Id);
        Assert.Equal(submission.TokenHash, receipt.TokenHash);
        Assert.Equal(ReportStatuses.Received, receipt.Status);
        Assert.Equal(0, receipt.StatusVersion);
        Assert.Equal(At(0), receipt.ReceivedAt);
        Assert.Equal(At(0), receipt.UpdatedAt);
        Assert.Empty(receipt.PublicNotes);
        Assert.Null(receipt.HandedOverAt);
        Assert.Null(await store.FindReceiptAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task A_reused_idempotency_key_returns_the_earlier_record_and_stores_nothing()
    {
        var store = await CreateStoreAsync();
        var first = NewSubmission(At(0));
        var record = new IdempotencyRecord("key-hash", "request-hash", first.Id, "protected-response", At(0));
        Assert.True((await store.AddAsync(first, record, Ct)).Added);

        var second = NewSubmission(At(1));
        var retry = new IdempotencyRecord("key-hash", "other-request", second.Id, "other-response", At(1));
        var result = await store.AddAsync(second, retry, Ct);

        Assert.False(result.Added);
        Assert.Equal(record, result.Existing);
        Assert.Equal(record, await store.FindIdempotencyAsync("key-hash", Ct));
        Assert.Null(await store.FindReceiptAsync(second.Id, Ct));
        var due = (await store.DueForHandoverAsync(At(100), 10, Ct)).Due;
        Assert.Equal([first.Id], due.Select(d => d.Payload.ReportId));
        Assert.Null(await store.FindIdempotencyAsync("unknown", Ct));
    }

    [Fact]
    public async Task Evidence_files_are_stored_with_their_submission_and_the_receipt_lists_their_records()
    {
        var store = await CreateStoreAsync();
        var image = EvidenceFile("photo.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var log = EvidenceFile("chat.jsonl", "application/jsonl", "{\"a\":1}\n{\"b\":2}\n"u8.ToArray());
        var submission = NewSubmission(At(0)) with { Files = [image, log] };
        var other = NewSubmission(At(1));

        Assert.True((await store.AddAsync(submission, null, Ct)).Added);
        Assert.True((await store.AddAsync(other, null, Ct)).Added);

        var receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.Equal([image.Record, log.Record], receipt!.EvidenceFiles);
        Assert.Empty((await store.FindReceiptAsync(other.Id, Ct))!.EvidenceFiles);
        Assert.Equal(image.Content, await store.ReadEvidenceFileAsync(submission.Id, image.Record.Id, Ct));
        Assert.Equal(log.Content, await store.ReadEvidenceFileAsync(submission.Id, log.Record.Id, Ct));
        // Another report's file, or an unknown one, is not found through this report.
        Assert.Null(await store.ReadEvidenceFileAsync(other.Id, image.Record.Id, Ct));
        Assert.Null(await store.ReadEvidenceFileAsync(submission.Id, Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Confirming_the_handover_deletes_the_files_bytes_and_keeps_their_records_for_the_receipt()
    {
        var store = await CreateStoreAsync();
        var file = EvidenceFile("chat.jsonl", "application/jsonl", "{\"a\":1}\n"u8.ToArray());
        var kept = EvidenceFile("notes.txt", "text/plain", "other report"u8.ToArray());
        var submission = NewSubmission(At(0)) with { Files = [file] };
        var other = NewSubmission(At(1)) with { Files = [kept] };
        Assert.True((await store.AddAsync(submission, null, Ct)).Added);
        Assert.True((await store.AddAsync(other, null, Ct)).Added);

        await store.ConfirmHandoverAsync(submission.Id, At(2), Ct);
        // A repeated confirmation (ReportStored comes again for every repeated hand-over) changes nothing more.
        await store.ConfirmHandoverAsync(submission.Id, At(3), Ct);

        Assert.Null(await store.ReadEvidenceFileAsync(submission.Id, file.Record.Id, Ct));
        Assert.Equal([file.Record], (await store.FindReceiptAsync(submission.Id, Ct))!.EvidenceFiles);
        Assert.Equal(kept.Content, await store.ReadEvidenceFileAsync(other.Id, kept.Record.Id, Ct));
    }

    [Fact]
    public async Task A_submission_refused_for_its_reused_key_stores_none_of_its_files()
    {
        var store = await CreateStoreAsync();
        var first = NewSubmission(At(0));
        Assert.True((await store.AddAsync(first, new IdempotencyRecord("files-key", "request", first.Id, "response", At(0)), Ct)).Added);

        var file = EvidenceFile("notes.txt", "text/plain", "notes"u8.ToArray());
        var second = NewSubmission(At(1)) with { Files = [file] };
        var result = await store.AddAsync(second, new IdempotencyRecord("files-key", "other", second.Id, "other", At(1)), Ct);

        Assert.False(result.Added);
        Assert.Null(await store.ReadEvidenceFileAsync(second.Id, file.Record.Id, Ct));
        Assert.Empty((await store.FindReceiptAsync(first.Id, Ct))!.EvidenceFiles);
    }

    [Fact]
    public async Task A_secret_is_kept_as_first_stored_and_every_caller_gets_that_one()
    {
        var store = await CreateStoreAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.GetOrAddSecretAsync("scope", $"candidate-{i}", Ct)));

        Assert.Single(answers.Distinct());
        Assert.StartsWith("candidate-", answers[0]);
        Assert.Equal(answers[0], await store.GetOrAddSecretAsync("scope", "a later candidate", Ct));
        Assert.Equal("other", await store.GetOrAddSecretAsync("another", "other", Ct));
    }

    [Fact]
    public async Task Submissions_are_due_for_handover_oldest_first_as_scheduled()
    {
        var store = await CreateStoreAsync();
        var late = NewSubmission(At(2));
        var early = NewSubmission(At(0));
        var middle = NewSubmission(At(1));
        foreach (var submission in new[] { late, early, middle })
        {
            await store.AddAsync(submission, null, Ct);
        }

        var due = (await store.DueForHandoverAsync(At(10), 10, Ct)).Due;
        Assert.Equal([early.Id, middle.Id, late.Id], due.Select(d => d.Payload.ReportId));
        Assert.All(due, d => Assert.Equal(0, d.Attempts));
        SameJson(early.Payload, due[0].Payload);

        Assert.Equal([early.Id, middle.Id], (await store.DueForHandoverAsync(At(10), 2, Ct)).Due.Select(d => d.Payload.ReportId));
        Assert.Equal([early.Id, middle.Id], (await store.DueForHandoverAsync(At(1), 10, Ct)).Due.Select(d => d.Payload.ReportId));
        Assert.Empty((await store.DueForHandoverAsync(At(-1), 10, Ct)).Due);

        await store.ScheduleHandoverAsync([new HandoverAttempt(early.Id, At(20), 1)], Ct);
        Assert.Equal([middle.Id, late.Id], (await store.DueForHandoverAsync(At(19.999), 10, Ct)).Due.Select(d => d.Payload.ReportId));
        var later = (await store.DueForHandoverAsync(At(20), 10, Ct)).Due;
        Assert.Equal([middle.Id, late.Id, early.Id], later.Select(d => d.Payload.ReportId));
        Assert.Equal(1, later[^1].Attempts);
    }

    [Fact]
    public async Task A_submission_whose_payload_cannot_be_read_is_reported_alone_and_once_set_aside_is_kept_counted_and_not_due()
    {
        var store = await CreateStoreAsync();
        var unreadable = NewSubmission(At(0));
        var good = NewSubmission(At(1));
        await store.AddAsync(unreadable, null, Ct);
        await store.AddAsync(good, null, Ct);
        await CorruptPayloadAsync(unreadable.Id);

        var batch = await store.DueForHandoverAsync(At(10), 10, Ct);
        Assert.Equal([good.Id], batch.Due.Select(d => d.Payload.ReportId));
        var bad = Assert.Single(batch.Unreadable);
        Assert.Equal(unreadable.Id, bad.Id);
        Assert.False(string.IsNullOrWhiteSpace(bad.Reason));
        Assert.Equal(2, batch.Read);
        Assert.Equal(0, (await store.CountQuarantinedAsync(Ct))[ISubmissionStore.QuarantinedSubmissions]);

        await store.QuarantineSubmissionAsync(bad.Id, bad.Reason, At(10), Ct);

        var after = await store.DueForHandoverAsync(At(1000), 10, Ct);
        Assert.Equal([good.Id], after.Due.Select(d => d.Payload.ReportId));
        Assert.Empty(after.Unreadable);
        var counts = await store.CountQuarantinedAsync(Ct);
        Assert.Equal((1L, 0L), (counts[ISubmissionStore.QuarantinedSubmissions], counts[IOutboxStore.QuarantinedOutbox]));
        Assert.True(await HasPayloadAsync(unreadable.Id));
        Assert.NotNull(await store.FindReceiptAsync(unreadable.Id, Ct));

        // Triage confirming it after all (an earlier copy got through) ends the quarantine with the payload.
        await store.ConfirmHandoverAsync(unreadable.Id, At(20), Ct);
        Assert.Equal(0, (await store.CountQuarantinedAsync(Ct))[ISubmissionStore.QuarantinedSubmissions]);
        Assert.False(await HasPayloadAsync(unreadable.Id));
    }

    [Fact]
    public async Task An_outbox_row_set_aside_leaves_the_outbox_and_is_counted_once()
    {
        var store = await CreateStoreAsync();
        var first = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.NoSuchMessage", "{}", At(1));
        var second = new OutboxMessage(Guid.NewGuid(), "SafetyReports.Contracts.ReporterReplied", "{}", At(2));
        await store.AddToOutboxAsync(first, Ct);
        await store.AddToOutboxAsync(second, Ct);

        await store.QuarantineOutboxAsync(first.Id, "Unknown message type", At(5), Ct);
        await store.QuarantineOutboxAsync(first.Id, "Unknown message type", At(6), Ct);
        await store.QuarantineOutboxAsync(Guid.NewGuid(), "Not there", At(6), Ct);

        Assert.Equal([second], await store.PeekOutboxAsync(10, Ct));
        Assert.Equal(1, (await store.CountQuarantinedAsync(Ct))[IOutboxStore.QuarantinedOutbox]);
    }

    [Fact]
    public async Task Confirming_the_handover_drops_the_payload_and_stops_resending()
    {
        var store = await CreateStoreAsync();
        var submission = NewSubmission(At(0));
        var other = NewSubmission(At(0.5));
        await store.AddAsync(submission, null, Ct);
        await store.AddAsync(other, null, Ct);
        Assert.True(await HasPayloadAsync(submission.Id));

        await store.ConfirmHandoverAsync(submission.Id, At(3), Ct);

        Assert.False(await HasPayloadAsync(submission.Id));
        Assert.True(await HasPayloadAsync(other.Id));
        Assert.Equal([other.Id], (await store.DueForHandoverAsync(At(1000), 10, Ct)).Due.Select(d => d.Payload.ReportId));
        Assert.Equal(At(3), (await store.FindReceiptAsync(submission.Id, Ct))!.HandedOverAt);

        // A late schedule or a second confirmation changes nothing.
        await store.ScheduleHandoverAsync([new HandoverAttempt(submission.Id, At(5), 2), new HandoverAttempt(other.Id, At(7), 1)], Ct);
        await store.ConfirmHandoverAsync(submission.Id, At(9), Ct);
        Assert.Equal([other.Id], (await store.DueForHandoverAsync(At(1000), 10, Ct)).Due.Select(d => d.Payload.ReportId));
        var receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.Equal(At(3), receipt!.HandedOverAt);
        Assert.Equal(ReportStatuses.Received, receipt.Status);
    }

    [Fact]
    public async Task Status_events_move_the_receipt_forward_only_and_add_each_versions_note_once()
    {
        var store = await CreateStoreAsync();
        var submission = NewSubmission(At(0));
        await store.AddAsync(submission, null, Ct);

        await store.ApplyStatusAsync(submission.Id, ReportStatuses.NeedsInfo, 3, "Which prompt?", At(10), Ct);
        var receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.Equal((ReportStatuses.NeedsInfo, 3L, At(10)), (receipt!.Status, receipt.StatusVersion, receipt.UpdatedAt));
        SameJson<IReadOnlyList<PublicNote>>([new PublicNote(At(10), "Which prompt?", 3)], receipt.PublicNotes);

        // An older event arriving late: its note is added (in version order), its status is not.
        await store.ApplyStatusAsync(submission.Id, ReportStatuses.Triaging, 2, "We are looking at it.", At(11), Ct);
        // The same event twice, and an older one without a note: nothing changes.
        await store.ApplyStatusAsync(submission.Id, ReportStatuses.NeedsInfo, 3, "Which prompt?", At(12), Ct);
        await store.ApplyStatusAsync(submission.Id, ReportStatuses.Received, 1, null, At(13), Ct);
        receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.Equal((ReportStatuses.NeedsInfo, 3L, At(10)), (receipt!.Status, receipt.StatusVersion, receipt.UpdatedAt));
        SameJson<IReadOnlyList<PublicNote>>(
            [new PublicNote(At(11), "We are looking at it.", 2), new PublicNote(At(10), "Which prompt?", 3)], receipt.PublicNotes);

        // A newer event without a note moves the status and keeps the notes.
        await store.ApplyStatusAsync(submission.Id, ReportStatuses.Triaging, 4, null, At(14), Ct);
        receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.Equal((ReportStatuses.Triaging, 4L, At(14)), (receipt!.Status, receipt.StatusVersion, receipt.UpdatedAt));
        Assert.Equal(2, receipt.PublicNotes.Count);

        // An unknown report is ignored.
        await store.ApplyStatusAsync(Guid.NewGuid(), ReportStatuses.Triaging, 9, "note", At(15), Ct);
    }

    [Fact]
    public async Task Concurrent_status_events_each_leave_their_note()
    {
        var store = await CreateStoreAsync();
        var submission = NewSubmission(At(0));
        await store.AddAsync(submission, null, Ct);

        await Task.WhenAll(Enumerable.Range(1, 12).Select(v => Task.Run(
            () => store.ApplyStatusAsync(submission.Id, ReportStatuses.Triaging, v, $"note {v}", At(v), Ct), Ct)));

        var receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.Equal(12, receipt!.StatusVersion);
        Assert.Equal(At(12), receipt.UpdatedAt);
        Assert.Equal(Enumerable.Range(1, 12).Select(v => (long)v), receipt.PublicNotes.Select(n => n.Version));
    }

    [Fact]
    public async Task Idempotency_records_past_their_retention_are_purged_and_nothing_else()
    {
        var store = await CreateStoreAsync();
        var old = NewSubmission(At(0));
        var recent = NewSubmission(At(10));
        await store.AddAsync(old, new IdempotencyRecord("old-key", "r", old.Id, "p", At(0)), Ct);
        await store.AddAsync(recent, new IdempotencyRecord("recent-key", "r", recent.Id, "p", At(10)), Ct);

        Assert.Equal(1, await store.PurgeIdempotencyAsync(At(5), Ct));

        Assert.Null(await store.FindIdempotencyAsync("old-key", Ct));
        Assert.NotNull(await store.FindIdempotencyAsync("recent-key", Ct));
        Assert.NotNull(await store.FindReceiptAsync(old.Id, Ct));
    }

    [Fact]
    public async Task A_challenge_is_spent_once_and_expired_ones_may_be_forgotten()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.TryConsumeChallengeAsync("challenge-a", At(60), At(0), Ct));
        Assert.False(await store.TryConsumeChallengeAsync("challenge-a", At(60), At(1), Ct));
        Assert.True(await store.TryConsumeChallengeAsync("challenge-b", At(60), At(1), Ct));
    }

    [Fact]
    public async Task Queued_answers_wait_in_the_outbox_in_order_until_removed()
    {
        var store = await CreateStoreAsync();
        var first = OutboxMessage.For(new ReporterReplied(Guid.NewGuid(), Guid.NewGuid(), "one", At(0)), At(0));
        var second = OutboxMessage.For(new ReporterReplied(Guid.NewGuid(), Guid.NewGuid(), "two", At(1)), At(1));
        await store.AddToOutboxAsync(first, Ct);
        await store.AddToOutboxAsync(second, Ct);

        Assert.Equal([first.Id, second.Id], (await store.PeekOutboxAsync(10, Ct)).Select(m => m.Id));
        await store.RemoveFromOutboxAsync([first.Id], Ct);
        Assert.Equal([second.Id], (await store.PeekOutboxAsync(10, Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task Erasing_a_contact_drops_it_from_a_held_payload_and_queues_the_message_in_one_write()
    {
        var store = await CreateStoreAsync();
        var held = NewSubmission(At(0));
        var confirmed = NewSubmission(At(1));
        await store.AddAsync(held, null, Ct);
        await store.AddAsync(confirmed, null, Ct);
        await store.ConfirmHandoverAsync(confirmed.Id, At(2), Ct);

        var first = OutboxMessage.For(new ReporterContactErased(held.Id, At(3)), At(3));
        var second = OutboxMessage.For(new ReporterContactErased(confirmed.Id, At(3)), At(3));
        await store.EraseContactAsync(held.Id, first, Ct);
        await store.EraseContactAsync(confirmed.Id, second, Ct);

        var payload = Assert.Single((await store.DueForHandoverAsync(At(100), 10, Ct)).Due).Payload;
        Assert.Equal(held.Payload with { ProtectedContact = null, ContactAllowed = false }, payload with { Evidence = held.Payload.Evidence });
        Assert.Equal(held.Payload.Evidence, payload.Evidence);
        Assert.False(await HasPayloadAsync(confirmed.Id));
        Assert.Equal([first.Id, second.Id], (await store.PeekOutboxAsync(10, Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task The_receipt_keeps_the_hosts_latest_response_whatever_the_order()
    {
        var store = await CreateStoreAsync();
        var submission = NewSubmission(At(0));
        await store.AddAsync(submission, null, Ct);
        Assert.Null((await store.FindReceiptAsync(submission.Id, Ct))!.HostResponse);

        var second = Response(2, At(20));
        await store.ApplyHostResponseAsync(submission.Id, second, Ct);
        // An older revision arriving late, and the same revision again with other words: neither replaces it.
        await store.ApplyHostResponseAsync(submission.Id, Response(1, At(10)), Ct);
        await store.ApplyHostResponseAsync(submission.Id, Response(2, At(30)) with { Grounds = "Other words" }, Ct);

        var receipt = await store.FindReceiptAsync(submission.Id, Ct);
        SameJson(second, receipt!.HostResponse);
        Assert.Equal(ReportStatuses.Received, receipt.Status);
        Assert.True(receipt.CanContest);

        await store.ApplyHostResponseAsync(submission.Id, Response(3, At(40)), Ct);
        Assert.Equal(3, (await store.FindReceiptAsync(submission.Id, Ct))!.HostResponse!.Revision);

        // An unknown report is ignored.
        await store.ApplyHostResponseAsync(Guid.NewGuid(), Response(1, At(50)), Ct);
    }

    [Fact]
    public async Task A_contest_and_its_message_are_written_together_once_per_response_revision()
    {
        var store = await CreateStoreAsync();
        var submission = NewSubmission(At(0));
        await store.AddAsync(submission, null, Ct);
        var first = ContestRules.Open(submission.Id, Response(1, At(10)), At(11));

        Assert.Equal(ContestOutcome.NoHostResponse, await store.AddContestAsync(submission.Id, first, Contested(submission.Id, first), Ct));
        Assert.Equal(ContestOutcome.NotFound, await store.AddContestAsync(Guid.NewGuid(), first, Contested(submission.Id, first), Ct));
        Assert.Empty(await store.PeekOutboxAsync(10, Ct));

        await store.ApplyHostResponseAsync(submission.Id, Response(1, At(10)), Ct);
        var message = Contested(submission.Id, first);
        Assert.Equal(ContestOutcome.Accepted, await store.AddContestAsync(submission.Id, first, message, Ct));
        Assert.Equal(ContestOutcome.AlreadyContested, await store.AddContestAsync(submission.Id, first, Contested(submission.Id, first), Ct));

        var receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.Equal([first], receipt!.Contests);
        Assert.False(receipt.CanContest);
        Assert.Equal([message.Id], (await store.PeekOutboxAsync(10, Ct)).Select(m => m.Id));

        // The host revises its response: that revision can be contested too.
        await store.ApplyHostResponseAsync(submission.Id, Response(2, At(20)), Ct);
        var second = ContestRules.Open(submission.Id, Response(2, At(20)), At(21));
        Assert.Equal(ContestOutcome.Accepted, await store.AddContestAsync(submission.Id, second, Contested(submission.Id, second), Ct));
        receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.Equal([first, second], receipt!.Contests);
        Assert.Equal(second, receipt.Contest);
        Assert.Equal(2, (await store.PeekOutboxAsync(10, Ct)).Count);
    }

    [Fact]
    public async Task Concurrent_contests_of_one_revision_record_one_contest_and_one_message()
    {
        var (store, submission, contest) = await RespondedSubmissionAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => store.AddContestAsync(submission.Id, contest, Contested(submission.Id, contest), Ct), Ct)));

        Assert.Equal(1, outcomes.Count(o => o == ContestOutcome.Accepted));
        Assert.All(outcomes.Where(o => o != ContestOutcome.Accepted), o => Assert.Equal(ContestOutcome.AlreadyContested, o));
        Assert.Single((await store.FindReceiptAsync(submission.Id, Ct))!.Contests);
        Assert.Single(await store.PeekOutboxAsync(10, Ct));
    }

    [Fact]
    public async Task The_maintainers_events_move_the_contest_and_leave_the_rest_of_the_receipt()
    {
        var (store, submission, contest) = await RespondedSubmissionAsync();
        await store.AddContestAsync(submission.Id, contest, Contested(submission.Id, contest), Ct);
        await store.ApplyStatusAsync(submission.Id, ReportStatuses.Resolved, 7, "Done.", At(12), Ct);

        var closed = new ContestClosed(submission.Id, contest.Id, "The host's answer stands.", At(14));
        await store.UpdateContestsAsync(submission.Id, c => ContestRules.Closed(c, closed), Ct);
        var forwarded = new ContestForwarded(submission.Id, contest.Id, "hub-a", 1, "reason", null, At(11), At(13));
        await store.UpdateContestsAsync(submission.Id, c => ContestRules.Forwarded(c, forwarded), Ct);
        await store.UpdateContestsAsync(submission.Id, _ => null, Ct);
        await store.UpdateContestsAsync(Guid.NewGuid(), c => ContestRules.Forwarded(c, forwarded), Ct);

        var receipt = await store.FindReceiptAsync(submission.Id, Ct);
        Assert.Equal([contest with { ForwardedAt = At(13), ClosedAt = At(14), PublicNote = "The host's answer stands." }], receipt!.Contests);
        Assert.Equal(ContestStates.Closed, receipt.Contest!.State);
        Assert.Equal((ReportStatuses.Resolved, 7L), (receipt.Status, receipt.StatusVersion));
        Assert.Equal("Done.", Assert.Single(receipt.PublicNotes).Text);
        Assert.Equal(1, receipt.HostResponse!.Revision);
    }

    /// <summary>A store with one submission the host responded to (revision 1), and the contest of that response, not yet added.</summary>
    private async Task<(ISubmissionStore Store, Submission Submission, ReceiptContest Contest)> RespondedSubmissionAsync()
    {
        var store = await CreateStoreAsync();
        var submission = NewSubmission(At(0));
        await store.AddAsync(submission, null, Ct);
        await store.ApplyHostResponseAsync(submission.Id, Response(1, At(10)), Ct);
        return (store, submission, ContestRules.Open(submission.Id, Response(1, At(10)), At(11)));
    }

    private static ReceiptHostResponse Response(int revision, DateTimeOffset at) => new(
        "hub-a", revision, HostResponseActions.Restricted, "Downloads from the EU", at.AddDays(90), $"Policy §{revision}",
        DecisionGrounds.IllegalContent, "StGB §130", null, ["DE", "AT"], true, false, false, "appeals@hub-a.example", at);

    private static OutboxMessage Contested(Guid reportId, ReceiptContest contest) =>
        OutboxMessage.For(new ReporterContested(reportId, contest.Id, contest.HostId, contest.ResponseRevision, "The host overlooked the output.", contest.ContestedAt), contest.ContestedAt);

    private static StoredEvidenceFile EvidenceFile(string name, string mediaType, byte[] content)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        return new StoredEvidenceFile(new EvidenceFileRecord(Guid.NewGuid(), name, mediaType, content.Length, hash, "original-" + hash), content);
    }

    private static Submission NewSubmission(DateTimeOffset receivedAt)
    {
        var id = Guid.NewGuid();
        var payload = new ReportSubmitted(
            id, receivedAt, new ModelReference("huggingface", "org/model", "main", "https://huggingface.co/org/model"),
            "privacy", "high", "Leaks addresses", "The model reveals home addresses.",
            [new EvidenceItem("prompt", "Where does X live?"), new EvidenceItem("output", "At 1 Main Street.")],
            "protected-contact", true);
        return new Submission(id, receivedAt, "token-hash-" + id.ToString("N"), payload);
    }
}
