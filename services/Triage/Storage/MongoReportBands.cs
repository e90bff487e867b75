using MongoDB.Driver;
using SafetyReports.Triage.Similarity;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The near-duplicate lookup on MongoDB, as <see cref="SqliteReportBands"/> on SQLite: each report document keeps its
/// signature and band keys (<see cref="MongoReportDocument.Bands"/>), indexed with the received time.
/// </summary>
public static class MongoReportBands
{
    private static FilterDefinitionBuilder<MongoReportDocument> Filter => Builders<MongoReportDocument>.Filter;

    /// <summary>Reports sharing a band with the signature, received in [from, before): the filter the band index answers.</summary>
    public static FilterDefinition<MongoReportDocument> Sharing(IReadOnlyList<string> bands, DateTimeOffset from, DateTimeOffset before) =>
        Filter.AnyIn(d => d.Bands, bands) & Filter.Gte(d => d.ReceivedAt, from) & Filter.Lt(d => d.ReceivedAt, before);

    public static async Task<IReadOnlyList<SimilarCandidate>> FindAsync(
        IMongoCollection<MongoReportDocument> reports, ReportSignature signature, DateTimeOffset from, DateTimeOffset before, int max,
        CancellationToken cancellationToken)
    {
        var bands = signature.BandKeys();
        if (bands.Count == 0)
        {
            return [];
        }

        var documents = await reports.Find(Sharing(bands, from, before))
            .Sort(Builders<MongoReportDocument>.Sort.Descending(d => d.ReceivedAt).Descending(d => d.Id)).Limit(max)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(d => new SimilarCandidate(d.ToReport(), ReportSignature.Parse(d.Signature)))];
    }

    /// <summary>
    /// Migration step 3: the reports stored before signatures get theirs. Only documents still without one are matched, so a
    /// second run (another replica starting) finds nothing left; a report replaced meanwhile got its signature with the replacement.
    /// </summary>
    public static async Task BackfillAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var reports = database.GetCollection<MongoReportDocument>(MongoTriageStore.ReportsCollection);
        var missing = Filter.Exists(d => d.Signature, false);
        using var cursor = await reports.Find(missing).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                var signature = ReportSignature.Of(document.ToReport());
                await reports.UpdateOneAsync(
                    Filter.Eq(d => d.Id, document.Id) & missing,
                    Builders<MongoReportDocument>.Update.Set(d => d.Signature, signature.Serialize()).Set(d => d.Bands, [.. signature.BandKeys()]),
                    cancellationToken: cancellationToken);
            }
        }
    }
}
