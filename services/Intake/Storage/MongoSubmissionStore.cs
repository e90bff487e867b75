using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Intake.Storage;

/// <summary>
/// Intake's store on MongoDB; behaves as <see cref="SqliteSubmissionStore"/> does (the contract tests hold both to it). Setup,
/// transactions and the outbox come from <see cref="MongoStore"/>.
/// </summary>
public sealed class MongoSubmissionStore : MongoStore, ISubmissionStore
{
    public const string SubmissionsCollection = "submissions";
    public const string IdempotencyCollection = "idempotency";
    public const string UsedChallengesCollection = "usedChallenges";
    public const string SecretsCollection = "secrets";
    public const string EvidenceFilesCollection = "evidenceFiles";
    private const int MaxReceiptAttempts = 100;

    private readonly IMongoCollection<MongoSubmissionDocument> _submissions;
    private readonly IMongoCollection<IdempotencyRecord> _idempotency;
    private readonly IMongoCollection<MongoUsedChallengeDocument> _usedChallenges;
    private readonly IMongoCollection<MongoIntakeSecretDocument> _secrets;
    private readonly IMongoCollection<MongoEvidenceFileDocument> _evidenceFiles;

    static MongoSubmissionStore() => MongoIntakeRecords.Register();

    public MongoSubmissionStore(IMongoDatabase database)
        : base(database)
    {
        _submissions = database.GetCollection<MongoSubmissionDocument>(SubmissionsCollection);
        _idempotency = database.GetCollection<IdempotencyRecord>(IdempotencyCollection);
        _usedChallenges = database.GetCollection<MongoUsedChallengeDocument>(UsedChallengesCollection);
        _secrets = database.GetCollection<MongoIntakeSecretDocument>(SecretsCollection);
        _evidenceFiles = database.GetCollection<MongoEvidenceFileDocument>(EvidenceFilesCollection);
    }

    protected override Task SetUpAsync(CancellationToken cancellationToken) => MongoIntakeIndexes.CreateAsync(Database, cancellationToken);

    public async Task<AddSubmissionResult> AddAsync(Submission submission, IdempotencyRecord? idempotency, CancellationToken cancellationToken)
    {
        try
        {
            return await InTransactionAsync(async w =>
            {
                if (idempotency is not null)
                {
                    var earlier = await _idempotency.Find(w.Session, d => d.KeyHash == idempotency.KeyHash).FirstOrDefaultAsync(w.CancellationToken);
                    if (earlier is not null)
                    {
                        return new AddSubmissionResult(false, earlier);
                    }

                    await _idempotency.InsertOneAsync(w.Session, idempotency, cancellationToken: w.CancellationToken);
                }

                await _submissions.InsertOneAsync(w.Session, MongoSubmissionDocument.From(submission), cancellationToken: w.CancellationToken);
                if (submission.EvidenceFiles.Count > 0)
                {
                    await _evidenceFiles.InsertManyAsync(
                        w.Session,
                        submission.EvidenceFiles.Select(f => new MongoEvidenceFileDocument { Id = f.Record.Id, ReportId = submission.Id, Content = f.Content }),
                        cancellationToken: w.CancellationToken);
                }

                return new AddSubmissionResult(true, null);
            }, cancellationToken);
        }
        catch (Exception ex) when (idempotency is not null && MongoTransactions.IsDuplicateKey(ex))
        {
            // A concurrent request with the same key committed first: answer as if it had been seen above.
            var earlier = await FindIdempotencyAsync(idempotency.KeyHash, cancellationToken);
            if (earlier is null)
            {
                throw;
            }

            return new AddSubmissionResult(false, earlier);
        }
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string keyHash, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await _idempotency.Find(d => d.KeyHash == keyHash).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<string> GetOrAddSecretAsync(string name, string protectedSecret, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var options = new FindOneAndUpdateOptions<MongoIntakeSecretDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        try
        {
            return (await _secrets.FindOneAndUpdateAsync(MongoIntakeFilters.Secret(name), MongoIntakeFilters.SecretIfAbsent(protectedSecret), options, cancellationToken))
                .ProtectedSecret;
        }
        catch (Exception ex) when (MongoTransactions.IsDuplicateKey(ex))
        {
            // Another replica inserted it first: use theirs.
            return (await _secrets.Find(MongoIntakeFilters.Secret(name)).SingleAsync(cancellationToken)).ProtectedSecret;
        }
    }

    public async Task<Receipt?> FindReceiptAsync(Guid id, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var document = await _submissions.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToReceipt();
    }

    public async Task<byte[]?> ReadEvidenceFileAsync(Guid reportId, Guid fileId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var document = await _evidenceFiles.Find(d => d.Id == fileId && d.ReportId == reportId).FirstOrDefaultAsync(cancellationToken);
        return document?.Content;
    }

    /// <summary>
    /// Reads the due documents as raw BSON and maps each on its own: one the class map cannot read (a field of the wrong
    /// type, a broken payload) is reported as unreadable, and the others are sent.
    /// </summary>
    public async Task<HandoverBatch> DueForHandoverAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var raw = await _submissions.Find(MongoIntakeFilters.DueForHandover(now))
            .Sort(MongoIntakeFilters.DueOrder).Limit(max).As<BsonDocument>().ToListAsync(cancellationToken);
        var due = new List<PendingHandover>(raw.Count);
        var unreadable = new List<UnreadableSubmission>();
        foreach (var document in raw)
        {
            var (pending, reason) = Read(document);
            if (pending is not null)
            {
                due.Add(pending);
            }
            else if (MongoIntakeFilters.IdOf(document) is { } id)
            {
                unreadable.Add(new UnreadableSubmission(id, reason));
            }
        }

        return new HandoverBatch(due, unreadable);
    }

    /// <summary>The document as a submission to send, or why it cannot be: the reason an operator sees, never the payload.</summary>
    private static (PendingHandover? Pending, string Reason) Read(BsonDocument raw)
    {
        try
        {
            var document = BsonSerializer.Deserialize<MongoSubmissionDocument>(raw);
            if (document.Payload is null)
            {
                return (null, "The submission has no payload to send.");
            }

            var submitted = document.Payload.ToMessage();
            return submitted.ReportId != document.Id
                ? (null, "The payload is another report's.")
                : (new PendingHandover(submitted, document.HandoverAttempts, document.TraceParent), "");
        }
        catch (Exception ex) when (ex is FormatException or BsonException or InvalidCastException or ArgumentException)
        {
            return (null, $"The stored submission cannot be read: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public async Task QuarantineSubmissionAsync(Guid id, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        await _submissions.UpdateOneAsync(MongoIntakeFilters.Unconfirmed(id), MongoIntakeFilters.Quarantined(reason, at), cancellationToken: cancellationToken);
    }

    protected override async Task<IReadOnlyList<(string Kind, long Count)>> CountSetAsideAsync(CancellationToken cancellationToken) =>
        [(ISubmissionStore.QuarantinedSubmissions, await _submissions.CountDocumentsAsync(MongoIntakeFilters.InQuarantine, cancellationToken: cancellationToken))];

    public async Task ScheduleHandoverAsync(IReadOnlyCollection<HandoverAttempt> attempts, CancellationToken cancellationToken)
    {
        if (attempts.Count == 0)
        {
            return;
        }

        await EnsureSetUpAsync(cancellationToken);
        var updates = attempts.Select(a => new UpdateOneModel<MongoSubmissionDocument>(
            MongoIntakeFilters.Unconfirmed(a.ReportId),
            Builders<MongoSubmissionDocument>.Update.Set(d => d.NextHandoverAt, a.NextAttemptAt).Set(d => d.HandoverAttempts, a.Attempts)));
        await _submissions.BulkWriteAsync(updates, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
    }

    /// <summary>The evidence files' bytes go in the same transaction (Triage holds them now); their records stay for the receipt.</summary>
    public Task ConfirmHandoverAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            await _submissions.UpdateOneAsync(w.Session, MongoIntakeFilters.Unconfirmed(id), MongoIntakeFilters.Confirmed(at), cancellationToken: w.CancellationToken);
            await _evidenceFiles.DeleteManyAsync(w.Session, d => d.ReportId == id, cancellationToken: w.CancellationToken);
        }, cancellationToken);

    /// <summary>One document changes, so a compare-and-swap loop is enough; no transaction is needed.</summary>
    public async Task ApplyStatusAsync(Guid id, string status, long version, string? publicNote, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxReceiptAttempts; attempt++)
        {
            var current = await _submissions.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                return;
            }

            var update = ReceiptUpdate.Apply(
                current.Status, current.StatusVersion, current.UpdatedAt, current.PublicNotes,
                status, version, publicNote, at);
            if (update is null)
            {
                return;
            }

            var result = await _submissions.UpdateOneAsync(
                MongoIntakeFilters.ReceiptUnchanged(id, current.StatusVersion, current.PublicNotes.Count),
                Builders<MongoSubmissionDocument>.Update
                    .Set(d => d.Status, update.Status)
                    .Set(d => d.StatusVersion, update.Version)
                    .Set(d => d.UpdatedAt, update.UpdatedAt)
                    .Set(d => d.PublicNotes, update.Notes.ToList()),
                cancellationToken: cancellationToken);
            if (result.MatchedCount == 1)
            {
                return;
            }
        }

        throw new MongoConflictException($"The receipt of {id} kept changing while a status event was applied.");
    }

    /// <summary>
    /// The host response, the contests and the outbox change in transactions: a read-then-write in one is refused by the
    /// server (a write conflict, retried by <see cref="MongoTransactions"/>) if the document changed since the read.
    /// </summary>
    public Task ApplyHostResponseAsync(Guid id, ReceiptHostResponse response, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var current = await _submissions.Find(w.Session, d => d.Id == id).FirstOrDefaultAsync(w.CancellationToken);
            if (current is not null && ReceiptHostResponse.Apply(current.HostResponse, response) is { } kept)
            {
                await _submissions.UpdateOneAsync(w.Session, d => d.Id == id, MongoIntakeFilters.HostResponseKept(kept), cancellationToken: w.CancellationToken);
            }
        }, cancellationToken);

    public Task<ContestOutcome> AddContestAsync(Guid id, ReceiptContest contest, OutboxMessage contested, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var current = await _submissions.Find(w.Session, d => d.Id == id).FirstOrDefaultAsync(w.CancellationToken);
            if (current is null)
            {
                return ContestOutcome.NotFound;
            }

            var contests = current.Contests;
            var checkedOutcome = ContestRules.CheckAdd(current.HostResponse, contests, contest);
            if (checkedOutcome == ContestOutcome.Accepted)
            {
                await _submissions.UpdateOneAsync(
                    w.Session, d => d.Id == id, MongoIntakeFilters.ContestsKept([.. contests, contest]), cancellationToken: w.CancellationToken);
                await w.AnnounceAsync(contested);
            }

            return checkedOutcome;
        }, cancellationToken);

    public Task UpdateContestsAsync(Guid id, Func<IReadOnlyList<ReceiptContest>, IReadOnlyList<ReceiptContest>?> change, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            var current = await _submissions.Find(w.Session, d => d.Id == id).FirstOrDefaultAsync(w.CancellationToken);
            if (current is not null && change(current.Contests) is { } changed)
            {
                await _submissions.UpdateOneAsync(w.Session, d => d.Id == id, MongoIntakeFilters.ContestsKept(changed), cancellationToken: w.CancellationToken);
            }
        }, cancellationToken);

    public async Task<bool> TryConsumeChallengeAsync(string challengeHash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        try
        {
            await _usedChallenges.InsertOneAsync(new MongoUsedChallengeDocument { ChallengeHash = challengeHash, ExpiresAt = expiresAt }, cancellationToken: cancellationToken);
            return true;
        }
        catch (Exception ex) when (MongoTransactions.IsDuplicateKey(ex))
        {
            return false;
        }
    }

    public Task<bool> ScrubDeletedAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public async Task<int> PurgeIdempotencyAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var result = await _idempotency.DeleteManyAsync(MongoIntakeFilters.IdempotencyCreatedBefore(createdBefore), cancellationToken);
        return (int)result.DeletedCount;
    }

    public Task AddToOutboxAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        InTransactionAsync(w => w.AnnounceAsync(message), cancellationToken);

    public Task EraseContactAsync(Guid id, OutboxMessage erased, CancellationToken cancellationToken) =>
        InTransactionAsync(async w =>
        {
            await _submissions.UpdateOneAsync(w.Session, MongoIntakeFilters.WithPayload(id), MongoIntakeFilters.ContactErased, cancellationToken: w.CancellationToken);
            await w.AnnounceAsync(erased);
        }, cancellationToken);
}
