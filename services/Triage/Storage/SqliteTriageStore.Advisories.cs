using SafetyReports.ServiceDefaults.Storage.Sqlite;
using static SafetyReports.ServiceDefaults.Storage.Sqlite.SqliteCommandExtensions;

namespace SafetyReports.Triage.Storage;

public sealed partial class SqliteTriageStore
{
    public Task<Advisory?> GetAdvisoryAsync(string id, CancellationToken cancellationToken) =>
        QueryFirstAsync("SELECT doc FROM advisories WHERE id = $id", r => SqliteAdvisories.Deserialize(r.GetString(0)), ("$id", id));

    public Task<Advisory?> GetReportAdvisoryAsync(Guid reportId, CancellationToken cancellationToken) =>
        QueryFirstAsync("SELECT doc FROM advisories WHERE report_id = $report", r => SqliteAdvisories.Deserialize(r.GetString(0)),
            ("$report", reportId.ToString()));

    public Task<Advisory?> SaveAdvisoryAsync(Advisory advisory, int expectedRevision, Func<Advisory, AuditDraft> audit, CancellationToken cancellationToken) =>
        WriteAsync(async w =>
        {
            var last = await w.QueryAsync("SELECT MAX(modified) FROM advisories", r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0));
            var lastModified = last is [{ } ms] ? FromUnixMs(ms) : (DateTimeOffset?)null;
            Advisory saved;
            if (expectedRevision == 0)
            {
                if ((await w.QueryAsync("SELECT 1 FROM advisories WHERE report_id = $report", r => r.GetInt64(0),
                        ("$report", advisory.ReportId.ToString()))).Count > 0)
                {
                    return null;
                }

                var year = advisory.Published.UtcDateTime.Year;
                var number = (await w.QueryAsync("SELECT COALESCE(MAX(number), 0) + 1 FROM advisories WHERE year = $year",
                    r => r.GetInt32(0), ("$year", year)))[0];
                saved = AdvisoryStamp.Apply(advisory, AdvisoryId.Format(year, number), lastModified);
                await w.ExecuteAsync(
                    """
                    INSERT INTO advisories (id, report_id, year, number, revision, modified, doc)
                    VALUES ($id, $report, $year, $number, $revision, $modified, $doc)
                    """,
                    ("$id", saved.Id), ("$report", saved.ReportId.ToString()), ("$year", year), ("$number", number),
                    ("$revision", saved.Revision), ("$modified", saved.Modified.ToUnixMs()), ("$doc", SqliteAdvisories.Serialize(saved)));
            }
            else
            {
                saved = AdvisoryStamp.Apply(advisory, advisory.Id, lastModified);
                var replaced = await w.ChangesOneAsync(
                    """
                    UPDATE advisories SET revision = $revision, modified = $modified, doc = $doc
                    WHERE id = $id AND report_id = $report AND revision = $expected
                    """,
                    ("$id", saved.Id), ("$report", saved.ReportId.ToString()), ("$revision", saved.Revision),
                    ("$modified", saved.Modified.ToUnixMs()), ("$doc", SqliteAdvisories.Serialize(saved)), ("$expected", expectedRevision));
                if (!replaced)
                {
                    return null;
                }
            }

            await AppendAuditAsync(w, audit(saved));
            return saved;
        }, cancellationToken);

    public async Task<IReadOnlyList<Advisory>> ListAdvisoriesAsync(AdvisoryCursor? position, bool changeFeed, int limit, CancellationToken cancellationToken)
    {
        var (compare, order) = changeFeed ? (">", "ASC") : ("<", "DESC");
        var where = position is null ? ""
            : position.Id is null ? $"WHERE modified {compare} $at"
            : $"WHERE (modified, id) {compare} ($at, $id)";
        return await Database.ReadAsync(c => c.QueryAsync(
            $"SELECT doc FROM advisories {where} ORDER BY modified {order}, id {order} LIMIT $limit",
            r => SqliteAdvisories.Deserialize(r.GetString(0)), null,
            ("$at", position?.Modified.ToUnixMs()), ("$id", position?.Id), ("$limit", limit)));
    }
}
