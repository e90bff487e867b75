using SafetyReports.Contracts;
using SafetyReports.Triage.Domain;
using SafetyReports.ServiceDefaults.Storage;
using SafetyReports.Triage.Storage;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>On SQLite a redaction must also leave the files: no old page in the database or its WAL, no word in the search index.</summary>
public sealed class SqliteRedactionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteFile _file = new(TriageStoreFactory.SqliteFileName);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_redacted_text_is_in_no_byte_of_the_database_files_and_its_words_leave_the_search_index()
    {
        const string typed = "Quirinal.Zebedee@example.org";
        var store = new SqliteTriageStore(_file.Path);
        // Long enough to spill into overflow pages, which an update frees rather than rewrites.
        var padding = string.Concat(Enumerable.Repeat("The model explains the jailbreak at length. ", 200));
        var report = NewReport(Start, $"Reach me at {typed}. {padding}", [new EvidenceItem("prompt", $"I am {typed}, tell me how")]);
        await store.AddReportAsync(report, Received(report), [], Ct);
        for (var i = 1; i <= 20; i++)
        {
            var neighbour = NewReport(Start.AddMinutes(i), $"Neighbour {i} {padding}", []);
            await store.AddReportAsync(neighbour, Received(neighbour), [], Ct);
        }

        Assert.NotEmpty(Traces(typed));
        var outcome = ReportRedaction.Apply(report, new RedactionRequest(typed, null, 1), "admin@example.org", Start.AddHours(1));
        Assert.True(await store.RedactReportAsync(outcome.Report!, 1, outcome.Audit!, [], Ct));

        Assert.Empty(Terms("quirinal", "zebedee"));
        Assert.Equal(["jailbreak", "org"], Terms("jailbreak", "org"));
        var traces = Traces(typed);
        Assert.True(traces.Count == 0, string.Join("; ", traces));
        Assert.Equal("I am [redacted], tell me how", (await store.GetReportAsync(report.Id, Ct))!.Evidence[0].Content);
    }

    [Fact]
    public async Task An_evidence_file_redacted_away_is_in_no_byte_of_the_database_files()
    {
        const string marker = "Quirinal.Zebedee";
        var store = new SqliteTriageStore(_file.Path);
        // A log of some size (overflow pages, freed by the delete and zeroed by secure_delete), the marker all through it.
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"{{\"said\":\"{marker}\"}}\n", 2_000)));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var file = new EvidenceFileReference(Guid.NewGuid(), "chat.jsonl", "application/jsonl", bytes.Length, hash, hash);
        var report = NewReport(Start, "A chat log is attached.", []) with { EvidenceFiles = [file] };
        await store.AddReportAsync(report, Received(report), [], [new EvidenceFileContent(file.Id, bytes)], Ct);

        Assert.NotEmpty(FileTraces.Find(Path.GetDirectoryName(_file.Path)!, marker));
        var outcome = ReportRedaction.Apply(report, new RedactionRequest(null, [$"files/{file.Id}"], 1), "admin@example.org", Start.AddHours(1));
        Assert.True(await store.RedactReportAsync(outcome.Report!, 1, outcome.Audit!, [], Ct));

        var traces = FileTraces.Find(Path.GetDirectoryName(_file.Path)!, marker);
        Assert.True(traces.Count == 0, string.Join("; ", traces));
        Assert.Null(await store.ReadEvidenceFileAsync(report.Id, file.Id, Ct));
    }

    [Fact]
    public async Task A_redaction_answers_success_when_the_write_ahead_log_cannot_be_emptied_and_the_text_leaves_it_later()
    {
        const string typed = "Quirinal.Zebedee@example.org";
        var store = new SqliteTriageStore(_file.Path);
        var report = NewReport(Start, $"Reach me at {typed}. " + string.Concat(Enumerable.Repeat("Padding. ", 500)), []);
        await store.AddReportAsync(report, Received(report), [], Ct);
        var outcome = ReportRedaction.Apply(report, new RedactionRequest(typed, null, 1), "admin@example.org", Start.AddHours(1));

        // A reader holds a snapshot from before the redaction: the log cannot be emptied while it reads.
        using (var reader = _file.Open())
        {
            using (var begin = reader.CreateCommand())
            {
                begin.CommandText = "BEGIN; SELECT COUNT(*) FROM reports;";
                begin.ExecuteScalar();
            }

            var answered = System.Diagnostics.Stopwatch.StartNew();
            Assert.True(await store.RedactReportAsync(outcome.Report!, 1, outcome.Audit!, [], Ct));
            Assert.True(answered.Elapsed < WriteAheadLogScrub.RetryWait, $"the redaction waited {answered.Elapsed} for the log");
            Assert.Equal("[redacted]", (await store.GetReportAsync(report.Id, Ct))!.Description[12..22]);
            Assert.NotEmpty(Traces(typed));
        }

        // Once the reader is gone, the retry empties the log: the text is in no byte of the files.
        await store.WriteAheadLog.Retrying.WaitAsync(TimeSpan.FromSeconds(90), Ct);
        var traces = Traces(typed);
        Assert.True(traces.Count == 0, string.Join("; ", traces));
    }

    /// <summary>Which of <paramref name="terms"/> the full-text index still holds (fts5vocab, as the store declares it).</summary>
    private List<string> Terms(params string[] terms)
    {
        using var connection = _file.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT term FROM reports_fts_terms WHERE term IN ({string.Join(',', terms.Select((_, i) => $"$t{i}"))}) ORDER BY term";
        for (var i = 0; i < terms.Length; i++)
        {
            command.Parameters.AddWithValue($"$t{i}", terms[i]);
        }

        using var reader = command.ExecuteReader();
        var found = new List<string>();
        while (reader.Read())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>Files of the store's folder holding a distinctive part of <paramref name="typed"/>, in any case, as written or JSON-escaped.</summary>
    private List<string> Traces(string typed) =>
        FileTraces.Find(Path.GetDirectoryName(_file.Path)!, typed[..16], typed[..16].ToLowerInvariant(), "zebedee", "Zebedee");

    private static Report NewReport(DateTimeOffset receivedAt, string description, IReadOnlyList<EvidenceItem> evidence) => new()
    {
        Id = Guid.NewGuid(),
        Status = ReportStatuses.Triaged,
        Version = 1,
        Model = new ModelReference("huggingface", "org/model"),
        Category = "privacy",
        Severity = "medium",
        Title = "Leaks an address",
        Description = description,
        Evidence = evidence,
        ReceivedAt = receivedAt,
        UpdatedAt = receivedAt,
    };

    private static AuditDraft Received(Report report) => new(report.Id, report.ReceivedAt, "intake", "received", "{}");
}
