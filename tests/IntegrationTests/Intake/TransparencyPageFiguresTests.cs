using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// The page as a reader gets it when Triage withholds figures or publishes disclosures: a real Standalone whose
/// Intake reads a stand-in Triage (<c>SafetyReports:Intake:TransparencySource</c>) answering fixed JSON.
/// </summary>
public class TransparencyPageFiguresTests
{
    private const string Figures = """
        {"asOf":"2026-11-29T12:00:00+00:00","from":"2026-10","to":"2026-11","suppressionThreshold":5,"acknowledgementSlaSeconds":259200,
         "audit":{"sequence":7,"hash":"abc"},
         "groups":[{"host":"hub-w","model":null,"reports":12,"triaged":9,
           "byStatus":{"received":0,"triaged":null,"acknowledged":7},"byCategory":{"hate":7,"privacy":null},"actions":{},
           "automatedResponses":0,
           "timeToTriage":{"count":12,"medianSeconds":600,"p90Seconds":1200},"timeToNotify":{"count":0,"medianSeconds":null,"p90Seconds":null},
           "timeToAcknowledge":{"count":null,"medianSeconds":null,"p90Seconds":null},"timeToRespond":{"count":null,"medianSeconds":null,"p90Seconds":null},
           "acknowledgement":{"notified":9,"withinSla":null,"late":null,"overdue":0,"pending":null,"shareWithinSla":null},
           "open":null,"openByAge":{"under7Days":null},"responded":20,"contested":null,"contestedShare":null}]}
        """;

    private const string Disclosures = """
        {"policy":{"enabled":true,"afterSeconds":7776000,"reminderBeforeSeconds":1209600},
         "items":[{"reportId":"0f8fad5b-d9cb-469f-a165-70867728950e","model":{"host":"hub-w","id":"org/<script>x()</script>"},
           "category":"hate","severity":"high","receivedOn":"2026-05-01T00:00:00+00:00","triagedAt":"2026-05-02T10:00:00+00:00",
           "deadline":"2026-07-31T10:00:00+00:00","disclosedAt":"2026-07-31T11:00:00+00:00","hostNotifiedAt":"2026-05-02T10:01:00+00:00",
           "acknowledgedAt":null,"respondedAt":null,"hostSilence":"no_acknowledgement_no_response"}],
         "nextCursor":null}
        """;

    [Fact]
    public async Task Withheld_figures_read_as_fewer_than_N_or_withheld_never_as_zero_and_disclosures_are_listed_as_text()
    {
        await using var triage = await FakeTransparencyApi.StartAsync(new Dictionary<string, string>
        {
            ["/api/v1/transparency/hosts"] = Figures,
            ["/api/v1/transparency/disclosures"] = Disclosures,
        });
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Intake:TransparencySource"] = triage.BaseUrl,
        });

        using var response = await system.Api.Http.GetAsync(system.Url + "/transparency", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hostsRow = Row(html, "hosts-table", "hub-w");
        Assert.Equal(["12", "9", "fewer than 5", "withheld", "withheld"], Cells(hostsRow));
        Assert.Equal(["20", "fewer than 5", "withheld"], Cells(Row(html, "hosts-contests-table", "hub-w")));
        Assert.Contains("may contest it once per answer", html, StringComparison.Ordinal);
        Assert.Equal(["9", "withheld", "withheld", "0", "fewer than 5", "withheld"], Cells(Row(html, "hosts-acknowledgement-table", "hub-w")));
        Assert.Equal(["10 min", "20 min", "none", "none", "withheld", "withheld", "withheld", "withheld"], Cells(Row(html, "hosts-times-table", "hub-w")));
        Assert.Contains("withheld: too few reports reached this step", html, StringComparison.Ordinal);
        // Every month shows the same stand-in figures: privacy is withheld in each, so its sum is "withheld".
        Assert.Equal(["withheld", "withheld", "withheld"], Cells(Row(html, "categories-table", "Privacy")));
        Assert.Equal(["7", "7", "14"], Cells(Row(html, "categories-table", "Hate")));

        Assert.Contains("90 days after triage", html, StringComparison.Ordinal);
        var disclosure = Row(html, "disclosures-table", "org/&lt;script&gt;x()&lt;/script&gt;");
        Assert.Equal(["hub-w", "Hate", "High", "2026-05-01", "2026-05-02", "2026-07-31", "Neither acknowledged nor answered"],
            System.Text.RegularExpressions.Regex.Matches(disclosure, "<td>(?:<bdi>)?([^<]*)").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray());
        Assert.DoesNotContain("<script>x()", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_figures_read_in_the_readers_language_with_its_words_dates_and_durations()
    {
        await using var triage = await FakeTransparencyApi.StartAsync(new Dictionary<string, string>
        {
            ["/api/v1/transparency/hosts"] = Figures,
            ["/api/v1/transparency/disclosures"] = Disclosures,
        });
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Intake:TransparencySource"] = triage.BaseUrl,
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, system.Url + "/transparency");
        request.Headers.AcceptLanguage.ParseAdd("de-DE");
        using var response = await system.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Equal(["12", "9", "weniger als 5", "zurückgehalten", "zurückgehalten"], Cells(Row(html, "hosts-table", "hub-w")));
        Assert.Equal(["10 Min.", "20 Min.", "keine", "keine", "zurückgehalten", "zurückgehalten", "zurückgehalten", "zurückgehalten"],
            Cells(Row(html, "hosts-times-table", "hub-w")));
        Assert.Equal(["7", "7", "14"], Cells(Row(html, "categories-table", "Hass")));
        Assert.Contains("90 Tage nach der Sichtung", html, StringComparison.Ordinal);
        Assert.Contains("Stand der Zahlen: 29. November 2026, 12:00 UTC.", html, StringComparison.Ordinal);
        var disclosure = Row(html, "disclosures-table", "org/&lt;script&gt;x()&lt;/script&gt;");
        Assert.Equal(["hub-w", "Hass", "Hoch", "01.05.2026", "02.05.2026", "31.07.2026", "Weder bestätigt noch beantwortet"],
            System.Text.RegularExpressions.Regex.Matches(disclosure, "<td>(?:<bdi>)?([^<]*)").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray());
        Assert.DoesNotContain("<script>x()", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Triage_without_a_disclosures_endpoint_leaves_the_section_out()
    {
        await using var triage = await FakeTransparencyApi.StartAsync(new Dictionary<string, string> { ["/api/v1/transparency/hosts"] = Figures });
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Intake:TransparencySource"] = triage.BaseUrl,
        });

        using var response = await system.Api.Http.GetAsync(system.Url + "/transparency", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"hosts-table\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"disclosures\"", html, StringComparison.Ordinal);
    }

    /// <summary>The row of a table whose header cell mentions <paramref name="name"/> (as it stands in the HTML).</summary>
    private static string Row(string html, string tableId, string name)
    {
        var table = html[html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return table.Split("<tr>").Single(r => r.Contains("<th scope=\"row\">", StringComparison.Ordinal) && r.Contains(name, StringComparison.Ordinal));
    }

    private static string[] Cells(string row) =>
        System.Text.RegularExpressions.Regex.Matches(row, "<td class=\"num\">([^<]*)</td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
}
