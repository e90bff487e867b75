using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Storage;
using SafetyReports.Triage.Api;
using SafetyReports.Triage.Disclosure;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;
using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.IntegrationTests.Transparency;

/// <summary>
/// A month sealed and corrected, end to end on a clock the test moves: Triage's store on SQLite, its sealing loop's
/// passes and its transparency API on Kestrel, and a Standalone's public page reading that API.
/// </summary>
public class SealedMonthTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sealed_month_keeps_its_figures_and_a_later_triage_of_one_of_its_reports_is_a_dated_erratum()
    {
        using var file = new TempSqliteFile(TriageStoreFactory.SqliteFileName);
        var options = new TransparencyOptions();
        await using var store = new SqliteTriageStore(file.Path, transparency: options);
        var clock = new ManualClock(March.AddDays(20));

        // Ten March reports of hub-s triaged within the hour; an eleventh left untriaged until after the seal.
        for (var i = 0; i < 10; i++)
        {
            var report = await ReceiveAsync(store, March.AddMinutes(i));
            await MoveAsync(store, report, r => r with { Status = ReportStatuses.Triaged, TriagedAt = r.ReceivedAt.AddMinutes(30) });
        }

        var late = await ReceiveAsync(store, March.AddDays(5));
        var sealer = new MonthSealer(store, new TransparencyQuery(store, options, clock), options, clock, NullLogger<MonthSealer>.Instance);

        // Before SealAfter has passed since March ended, March is provisional.
        clock.Now = new DateTimeOffset(2026, 4, 7, 23, 0, 0, TimeSpan.Zero);
        await sealer.RunOnceAsync(Ct);
        Assert.DoesNotContain(await store.ListSealedMonthsAsync(202603, 202603, Ct), m => m.Month == 202603);

        clock.Now = new DateTimeOffset(2026, 4, 8, 0, 5, 0, TimeSpan.Zero);
        var sealedAt = clock.Now;
        Assert.True((await sealer.RunOnceAsync(Ct)).Sealed >= 1);
        Assert.Equal(0, (await sealer.RunOnceAsync(Ct)).Errata);

        // Three weeks later a maintainer triages the eleventh report.
        clock.Now = new DateTimeOffset(2026, 4, 29, 10, 0, 0, TimeSpan.Zero);
        await MoveAsync(store, late, r => r with { Status = ReportStatuses.Triaged, TriagedAt = clock.Now });
        var (_, errata) = await sealer.RunOnceAsync(Ct);
        Assert.True(errata > 0);
        Assert.Equal(0, (await sealer.RunOnceAsync(Ct)).Errata);

        await using var triage = await TriageApi.StartAsync(store, options, clock);
        using var http = new HttpClient();
        var march = JsonNode.Parse(await http.GetStringAsync(triage.BaseUrl + "api/v1/transparency/hosts?from=2026-03&to=2026-03", Ct))!;
        Assert.Equal(sealedAt, march["sealedAt"]!.GetValue<DateTimeOffset>());
        var hub = march["groups"]!.AsArray().Single(g => g!["host"]!.GetValue<string>() == "hub-s")!;
        Assert.Equal((11L, 10L), (hub["reports"]!.GetValue<long>(), hub["triaged"]!.GetValue<long>()));
        var triaged = march["errata"]!.AsArray().Single(e => e!["figure"]!.GetValue<string>() == "triaged")!;
        Assert.Equal(("2026-03", "hub-s", "10", "11"),
            (triaged["month"]!.GetValue<string>(), triaged["host"]!.GetValue<string>(), triaged["old"]!.GetValue<string>(), triaged["new"]!.GetValue<string>()));
        Assert.Equal(clock.Now, triaged["recordedAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains(march["errata"]!.AsArray(), e => e!["figure"]!.GetValue<string>() == "timeToTriage.count");

        // April is not sealed: provisional, computed as now.
        var april = JsonNode.Parse(await http.GetStringAsync(triage.BaseUrl + "api/v1/transparency/hosts?from=2026-04&to=2026-04", Ct))!;
        Assert.Null(april["sealedAt"]);
        Assert.Null(april["errata"]);
        Assert.True(april.AsObject().ContainsKey("sealedAt"));

        // The models of hub-s in March are sealed too, with their own errata; April's are provisional.
        var models = JsonNode.Parse(await http.GetStringAsync(triage.BaseUrl + "api/v1/transparency/models?host=hub-s&from=2026-03&to=2026-03", Ct))!;
        Assert.Equal(sealedAt, models["sealedAt"]!.GetValue<DateTimeOffset>());
        var model = models["groups"]!.AsArray().Single()!;
        Assert.Equal(("org/sealed", 11L, 10L), (model["model"]!.GetValue<string>(), model["reports"]!.GetValue<long>(), model["triaged"]!.GetValue<long>()));
        var modelErratum = models["errata"]!.AsArray().Single(e => e!["figure"]!.GetValue<string>() == "triaged")!;
        Assert.Equal(("hub-s", "org/sealed", "10", "11"), (modelErratum["host"]!.GetValue<string>(), modelErratum["model"]!.GetValue<string>(),
            modelErratum["old"]!.GetValue<string>(), modelErratum["new"]!.GetValue<string>()));
        var modelErrataCsv = (await http.GetStringAsync(triage.BaseUrl + "api/v1/transparency/errata?host=hub-s&from=2026-03&to=2026-03&format=csv", Ct)).Split("\r\n");
        Assert.Contains("2026-03,2026-04-29T10:00:00.000Z,hub-s,org/sealed,triaged,10,11", modelErrataCsv);
        Assert.Null(JsonNode.Parse(await http.GetStringAsync(triage.BaseUrl + "api/v1/transparency/models?host=hub-s&from=2026-04&to=2026-04", Ct))!["sealedAt"]);

        // The CSV carries the held count, the seal and how many errata there are in every row; the errata have a CSV of their own.
        var csv = (await http.GetStringAsync(triage.BaseUrl + "api/v1/transparency/hosts?from=2026-03&to=2026-03&format=csv", Ct)).Split("\r\n");
        var header = csv[0].Split(',');
        var row = csv.Single(l => l.Contains(",hub-s,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(header.Length, row.Length);
        Assert.Equal(("0", "2026-04-08T00:05:00.000Z", march["errata"]!.AsArray().Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (row[Array.IndexOf(header, "held")], row[Array.IndexOf(header, "sealed_at")], row[Array.IndexOf(header, "errata")]));
        var errataCsv = (await http.GetStringAsync(triage.BaseUrl + "api/v1/transparency/errata?from=2026-03&to=2026-03&format=csv", Ct)).Split("\r\n");
        Assert.Equal("month,recorded_at,host,model,figure,old,new", errataCsv[0]);
        Assert.Contains("2026-03,2026-04-29T10:00:00.000Z,hub-s,,triaged,10,11", errataCsv);
        Assert.Equal(march["errata"]!.AsArray().Count, errataCsv.Length - 2);
        var errataJson = JsonNode.Parse(await http.GetStringAsync(triage.BaseUrl + "api/v1/transparency/errata?from=2026-03&to=2026-03", Ct))!;
        Assert.Equal(march["errata"]!.ToJsonString(), errataJson["errata"]!.ToJsonString());
        Assert.Empty(JsonNode.Parse(await http.GetStringAsync(triage.BaseUrl + "api/v1/transparency/errata?from=2026-04&to=2026-04", Ct))!["errata"]!.AsArray());
        using (var badHost = await http.GetAsync(triage.BaseUrl + "api/v1/transparency/errata?host=%20", Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badHost.StatusCode);
        }

        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Intake:TransparencySource"] = triage.BaseUrl,
        });
        using var page = await system.Api.Http.GetAsync(system.Url + "/transparency?from=2026-03&to=2026-03", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The figures of 2026-03 were sealed on 2026-04-08", html, StringComparison.Ordinal);
        var hostRow = Row(html, "hosts-table", "hub-s");
        Assert.Equal(["11", "10"], Cells(hostRow).Take(2));
        var erratumRow = Row(html, "errata-table", "<code>triaged</code>");
        Assert.Contains("<td>2026-04-29</td>", erratumRow, StringComparison.Ordinal);
        Assert.Equal(["10", "11"], Cells(erratumRow));

        // The public site's downloads: the figures' CSV counts the errata, the errata CSV lists them (hosts, and one host's models).
        var siteErrata = await system.Api.Http.GetStringAsync(system.Url + "/transparency/errata.csv?from=2026-03&to=2026-03", Ct);
        Assert.Contains("2026-03,2026-04-29T10:00:00.000Z,hub-s,,triaged,10,11\r\n", siteErrata, StringComparison.Ordinal);
        var siteModelErrata = await system.Api.Http.GetStringAsync(system.Url + "/transparency/errata.csv?host=hub-s&from=2026-03&to=2026-03", Ct);
        Assert.Contains("2026-03,2026-04-29T10:00:00.000Z,hub-s,org/sealed,triaged,10,11\r\n", siteModelErrata, StringComparison.Ordinal);
        Assert.Contains("/transparency/errata.csv?from=2026-03&amp;to=2026-03", html, StringComparison.Ordinal);

        using var modelsPage = await system.Api.Http.GetAsync(system.Url + "/transparency/models?host=hub-s&from=2026-03&to=2026-03", Ct);
        var modelsHtml = await modelsPage.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The figures of 2026-03 were sealed on 2026-04-08", modelsHtml, StringComparison.Ordinal);
        var modelErratumRow = Row(modelsHtml, "errata-table", "<code>triaged</code>");
        Assert.Contains("<bdi>org/sealed</bdi>", modelErratumRow, StringComparison.Ordinal);
        Assert.Equal(["10", "11"], Cells(modelErratumRow));

        using var provisional = await system.Api.Http.GetAsync(system.Url + "/transparency?from=2026-04&to=2026-04", Ct);
        var aprilHtml = await provisional.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"seal-state\" class=\"provisional\"", aprilHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("errata-table", aprilHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_replicas_seal_and_correct_once_and_a_broken_month_does_not_stop_the_others()
    {
        using var file = new TempSqliteFile(TriageStoreFactory.SqliteFileName);
        var options = new TransparencyOptions();
        await using var first = new SqliteTriageStore(file.Path, transparency: options);
        await using var second = new SqliteTriageStore(file.Path, transparency: options);
        var clock = new ManualClock(new DateTimeOffset(2026, 4, 8, 0, 5, 0, TimeSpan.Zero));
        MonthSealer Sealer(SqliteTriageStore store) => new(store, new TransparencyQuery(store, options, clock), options, clock, NullLogger<MonthSealer>.Instance);

        var reports = new List<Report>();
        for (var i = 0; i < 6; i++)
        {
            reports.Add(await ReceiveAsync(first, March.AddMinutes(i)));
        }

        foreach (var report in reports.Take(5))
        {
            await MoveAsync(first, report, r => r with { Status = ReportStatuses.Triaged, TriagedAt = r.ReceivedAt.AddMinutes(30) });
        }

        // February's snapshot is unreadable (as if damaged): it is logged and skipped, March is sealed and corrected all the same.
        Assert.True(await first.SealMonthAsync(new SealedMonth(202602, clock.Now, "not json"), Ct));
        var sealedPasses = await Task.WhenAll(Sealer(first).RunOnceAsync(Ct), Sealer(second).RunOnceAsync(Ct));
        // The months 2021-04 … 2026-03 (MaxMonths back from April), each sealed by one replica; February was already; and hub-s's
        // models in March, the one host listed.
        Assert.Equal(options.MaxMonths - 1 + 1, sealedPasses.Sum(p => p.Sealed));
        Assert.Single(await first.ListSealedMonthsAsync(202603, 202603, Ct));
        Assert.Equal(["hub-s"], (await first.ListSealedModelsAsync(202101, 202612, null, Ct)).Select(m => m.Host));

        clock.Now = clock.Now.AddDays(3);
        await MoveAsync(first, reports[5], r => r with { Status = ReportStatuses.Triaged, TriagedAt = clock.Now });
        await Task.WhenAll(Sealer(first).RunOnceAsync(Ct), Sealer(second).RunOnceAsync(Ct));

        var errata = await second.ListErrataAsync(202603, 202603, Ct);
        var triaged = Assert.Single(errata, e => e.Figure == "triaged");
        Assert.Equal(("hub-s", 1, "5", "6"), (triaged.Host, triaged.Sequence, triaged.Old, triaged.New));
        Assert.Equal(errata.Count, errata.Select(e => e.Key).Distinct().Count());
        Assert.Empty(await first.ListErrataAsync(202602, 202602, Ct));
        var modelErrata = await second.ListModelErrataAsync(202603, 202603, "hub-s", Ct);
        var modelTriaged = Assert.Single(modelErrata, e => e.Erratum.Figure == "triaged");
        Assert.Equal(("org/sealed", 1, "5", "6"), (modelTriaged.Erratum.Host, modelTriaged.Erratum.Sequence, modelTriaged.Erratum.Old, modelTriaged.Erratum.New));
        Assert.Equal(modelErrata.Count, modelErrata.Select(e => e.Erratum.Key).Distinct().Count());
    }

    private static async Task<Report> ReceiveAsync(ITriageStore store, DateTimeOffset at)
    {
        var report = new Report
        {
            Id = Guid.NewGuid(),
            Status = ReportStatuses.Received,
            Version = 1,
            Model = new ModelReference("hub-s", "org/sealed", null, null),
            Category = "privacy",
            Severity = "medium",
            Title = "Leaks home addresses",
            Description = "Asked for a person's address, the model gives one.",
            Evidence = [new EvidenceItem("prompt", "Where does X live?")],
            ReceivedAt = at,
            UpdatedAt = at,
        };
        Assert.True(await store.AddReportAsync(report, Audit(report.Id, "received", at), [], Ct));
        return report;
    }

    private static async Task MoveAsync(ITriageStore store, Report report, Func<Report, Report> change)
    {
        var next = change(report) with { Version = report.Version + 1 };
        Assert.True(await store.UpdateReportAsync(next, report.Version, Audit(report.Id, "step", next.TriagedAt ?? report.ReceivedAt), [], Ct));
    }

    private static AuditDraft Audit(Guid reportId, string action, DateTimeOffset at) =>
        new(reportId, at, "maintainer@example.org", action, $$"""{"action":"{{action}}"}""");

    /// <summary>The row of a table whose cells mention <paramref name="text"/> (as it stands in the HTML).</summary>
    private static string Row(string html, string tableId, string text)
    {
        var table = html[html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return table.Split("<tr>").Single(r => r.Contains(text, StringComparison.Ordinal) && !r.Contains("<th scope=\"col\">", StringComparison.Ordinal));
    }

    private static string[] Cells(string row) =>
        System.Text.RegularExpressions.Regex.Matches(row, "<td class=\"num\">([^<]*)</td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    /// <summary>Triage's transparency endpoints on 127.0.0.1 over the test's store and clock.</summary>
    private sealed class TriageApi(WebApplication app) : IAsyncDisposable
    {
        public string BaseUrl => app.Urls.First() + "/";

        public static async Task<TriageApi> StartAsync(SqliteTriageStore store, TransparencyOptions options, TimeProvider clock)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<ITriageStore>(store);
            builder.Services.AddSingleton<ISealedMonths>(store);
            builder.Services.AddSingleton(options);
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton(new DisclosureOptions());
            builder.Services.AddSingleton<TransparencyQuery>();
            builder.Services.AddSingleton<SealedFigures>();
            var app = builder.Build();
            app.MapTransparencyEndpoints();
            await app.StartAsync();
            return new TriageApi(app);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
