using Microsoft.Data.Sqlite;
using SafetyReports.Notification.Domain;
using SafetyReports.Notification.Storage;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// Matching is exact on digests through an index, at the size the issue names: 100,000 served models of 10 files each. The
/// rows are seeded in one transaction, then the statement the store runs for each of a report's digests is explained: a seek
/// on the digest index, never a scan of the million rows; and the store finds exactly the report's copies among them. How long
/// a lookup takes is the benchmark's (docs/benchmarks.md), not a test's.
/// </summary>
public sealed class ModelDigestIndexTests : IDisposable
{
    private const int Models = 100_000;
    private const int FilesPerModel = 10;

    private readonly TempSqliteFile _file = new(NotificationStoreFactory.SqliteFileName);

    public void Dispose() => _file.Dispose();

    /// <summary>File <paramref name="file"/> of model <paramref name="model"/>: distinct for every pair.</summary>
    private static string Digest(int model, int file) => $"sha256:{(long)model * FilesPerModel + file:x64}";

    [Fact]
    public async Task A_reports_digests_are_looked_up_by_index_seek_among_a_million_served_files()
    {
        await using (var store = new SqliteNotificationStore(_file.Path))
        {
            // Opening migrates the file.
            Assert.Null(await store.GetManifestAsync("h", "m", Ct));
        }

        using (var connection = _file.Open())
        {
            Seed(connection);
            Assert.Equal((long)Models * FilesPerModel, Scalar(connection, "SELECT COUNT(*) FROM model_files"));
            using var analyze = new SqliteCommand("ANALYZE", connection);
            analyze.ExecuteNonQuery();

            Assert.Equal(["SEARCH model_files USING COVERING INDEX ix_model_files_digest (digest=?)"], Plan(connection, SqliteNotificationStore.FilesByDigest));
            Assert.Equal(["SEARCH report_digests USING COVERING INDEX ix_report_digests_digest (digest=?)"], Plan(connection, SqliteNotificationStore.ReportsByDigest));
        }

        await using var reopened = new SqliteNotificationStore(_file.Path);
        // A report on model 4242 (its ten files) and a digest served nowhere.
        var reportDigests = Enumerable.Range(0, FilesPerModel).Select(f => Digest(4242, f)).Append($"sha256:{new string('f', 64)}").ToList();
        var found = await reopened.FindFilesAsync(reportDigests, Ct);

        Assert.Equal(FilesPerModel, found.Count);
        Assert.All(found, m => Assert.Equal(new ModelKey("host17", "org/model-4242"), new ModelKey(m.HostId, m.ModelId)));
    }

    /// <summary>One transaction, one prepared statement: a million rows in seconds.</summary>
    private static void Seed(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteCommand(
            "INSERT INTO model_files (host_id, model_id, digest, position) VALUES ($host, $model, $digest, $position)", connection, transaction);
        var host = insert.Parameters.Add("$host", SqliteType.Text);
        var model = insert.Parameters.Add("$model", SqliteType.Text);
        var digest = insert.Parameters.Add("$digest", SqliteType.Text);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        insert.Prepare();
        for (var m = 0; m < Models; m++)
        {
            host.Value = $"host{m % 25}";
            model.Value = $"org/model-{m}";
            for (var f = 0; f < FilesPerModel; f++)
            {
                digest.Value = Digest(m, f);
                position.Value = f;
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static IReadOnlyList<string> Plan(SqliteConnection connection, string sql)
    {
        using var explain = new SqliteCommand("EXPLAIN QUERY PLAN " + sql, connection);
        explain.Parameters.AddWithValue("$digest", Digest(1, 1));
        using var reader = explain.ExecuteReader();
        var details = new List<string>();
        while (reader.Read())
        {
            details.Add(reader.GetString(3));
        }

        return details;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }
}
