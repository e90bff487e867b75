using MongoDB.Driver;
using SafetyReports.ServiceDefaults.Storage.Mongo;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The advisories on MongoDB. Every save also appends to the audit chain, whose head document serialises the transactions
/// (a concurrent one is a write conflict and runs again): the year's next number and the last modification time read
/// inside one are those of every save before it, as on SQLite.
/// </summary>
public sealed partial class MongoTriageStore
{
    public async Task<Advisory?> GetAdvisoryAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return (await _advisories.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken))?.ToAdvisory();
    }

    public async Task<Advisory?> GetReportAdvisoryAsync(Guid reportId, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return (await _advisories.Find(d => d.ReportId == reportId).FirstOrDefaultAsync(cancellationToken))?.ToAdvisory();
    }

    public async Task<Advisory?> SaveAdvisoryAsync(Advisory advisory, int expectedRevision, Func<Advisory, AuditDraft> audit, CancellationToken cancellationToken)
    {
        try
        {
            return await InTransactionAsync(async w =>
            {
                var last = await _advisories.Find(w.Session, FilterDefinition<MongoAdvisoryDocument>.Empty)
                    .Sort(MongoAdvisories.Order(oldestFirst: false)).Limit(1).FirstOrDefaultAsync(w.CancellationToken);
                Advisory saved;
                if (expectedRevision == 0)
                {
                    if (await _advisories.Find(w.Session, d => d.ReportId == advisory.ReportId).AnyAsync(w.CancellationToken))
                    {
                        return null;
                    }

                    var year = advisory.Published.UtcDateTime.Year;
                    var previous = await _advisories.Find(w.Session, d => d.Year == year)
                        .SortByDescending(d => d.Number).Limit(1).FirstOrDefaultAsync(w.CancellationToken);
                    var number = (previous?.Number ?? 0) + 1;
                    saved = AdvisoryStamp.Apply(advisory, AdvisoryId.Format(year, number), last?.Modified);
                    await _advisories.InsertOneAsync(w.Session, MongoAdvisoryDocument.From(saved, year, number), cancellationToken: w.CancellationToken);
                }
                else
                {
                    var stored = await _advisories.Find(w.Session, d => d.Id == advisory.Id && d.ReportId == advisory.ReportId && d.Revision == expectedRevision)
                        .FirstOrDefaultAsync(w.CancellationToken);
                    if (stored is null)
                    {
                        return null;
                    }

                    saved = AdvisoryStamp.Apply(advisory, advisory.Id, last?.Modified);
                    var replaced = await _advisories.ReplaceOneAsync(w.Session, d => d.Id == saved.Id && d.Revision == expectedRevision,
                        MongoAdvisoryDocument.From(saved, stored.Year, stored.Number), cancellationToken: w.CancellationToken);
                    if (replaced.MatchedCount != 1)
                    {
                        return null;
                    }
                }

                await AppendAuditAsync(w, audit(saved));
                return saved;
            }, cancellationToken);
        }
        catch (Exception ex) when (MongoTransactions.IsDuplicateKey(ex) && expectedRevision == 0)
        {
            // The report's advisory published concurrently: nothing was written here.
            if (await _advisories.Find(d => d.ReportId == advisory.ReportId).AnyAsync(cancellationToken))
            {
                return null;
            }

            throw;
        }
    }

    public async Task<IReadOnlyList<Advisory>> ListAdvisoriesAsync(AdvisoryCursor? position, bool changeFeed, int limit, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        var documents = await _advisories.Find(MongoAdvisories.From(position, changeFeed))
            .Sort(MongoAdvisories.Order(oldestFirst: changeFeed)).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToAdvisory()).ToList();
    }
}
