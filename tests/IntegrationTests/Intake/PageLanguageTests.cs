using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// The public pages' language: the switcher's choice (remembered in a cookie), else Accept-Language, else English;
/// the form, receipt and status page in it; and nothing of it reaching the APIs or the other sites of the process.
/// </summary>
public sealed partial class PageLanguageTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private StandaloneSystem Sut => fixture.System;

    [Theory]
    [InlineData("fr-CA,fr;q=0.9,en;q=0.5", "fr", "ltr", "Signaler un usage nuisible d’un modèle d’IA ouvert")]
    [InlineData("de-AT", "de", "ltr", "Schädliche Nutzung eines offenen KI-Modells melden")]
    [InlineData("es-419,es;q=0.9", "es", "ltr", "Informar de un uso dañino de un modelo de IA abierto")]
    [InlineData("zh-CN,zh;q=0.9", "zh-Hans", "ltr", "举报开放 AI 模型的有害用途")]
    [InlineData("ar-EG", "ar", "rtl", "الإبلاغ عن استخدام ضار لنموذج ذكاء اصطناعي مفتوح")]
    [InlineData("en;q=0.1, de;q=0.9", "de", "ltr", "Schädliche Nutzung eines offenen KI-Modells melden")]
    public async Task Accept_Language_picks_the_page_language(string acceptLanguage, string tag, string dir, string heading)
    {
        using var client = Browser();
        var page = await GetAsync(client, "/", acceptLanguage);

        Assert.Equal((tag, dir), HtmlLanguage(page.Html));
        Assert.Contains(heading, page.Html, StringComparison.Ordinal);
        Assert.Equal([tag], page.Response.Content.Headers.ContentLanguage);
    }

    [Theory]
    [InlineData("pt-BR,ja;q=0.8")]
    [InlineData("zh-TW")]
    [InlineData("*")]
    [InlineData("")]
    public async Task A_language_the_site_does_not_have_falls_back_to_English(string acceptLanguage)
    {
        using var client = Browser();
        var page = await GetAsync(client, "/", acceptLanguage);

        Assert.Equal(("en", "ltr"), HtmlLanguage(page.Html));
        Assert.Contains("Report a harmful use of an open AI model", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switcher_overrides_Accept_Language_and_is_remembered_in_a_cookie()
    {
        var cookies = new CookieContainer();
        using var client = Browser(cookies);

        var chosen = await GetAsync(client, "/about?lang=de", "fr");
        Assert.Equal(("de", "ltr"), HtmlLanguage(chosen.Html));
        var setCookie = Assert.Single(chosen.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("SafetyReports.Language=", StringComparison.Ordinal));
        Assert.StartsWith("SafetyReports.Language=de;", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; Secure over HTTPS

        var next = await GetAsync(client, "/status", "fr");
        Assert.Equal(("de", "ltr"), HtmlLanguage(next.Html));
        Assert.Contains("Ihre Meldung verfolgen", next.Html, StringComparison.Ordinal);

        // An unknown choice changes nothing: the remembered one stays.
        var unknown = await GetAsync(client, "/?lang=xx", "fr");
        Assert.Equal(("de", "ltr"), HtmlLanguage(unknown.Html));
        Assert.False(unknown.Response.Headers.Contains("Set-Cookie") && unknown.Response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("SafetyReports.Language=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_switcher_links_to_the_same_page_in_every_language_and_keeps_its_query()
    {
        using var client = Browser();
        var page = await GetAsync(client, "/transparency?from=2026-01&to=2026-03", "ar");

        var links = SwitcherLink().Matches(page.Html).Select(m => (Href: WebUtility.HtmlDecode(m.Groups["href"].Value), Lang: m.Groups["lang"].Value)).ToList();
        Assert.Equal(["en", "es", "fr", "de", "zh-Hans", "ar"], links.Select(l => l.Lang));
        Assert.All(links, l => Assert.Equal($"/transparency?from=2026-01&to=2026-03&lang={l.Lang}", l.Href));
        Assert.Contains("aria-current=\"true\">العربية</a>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_sent_in_Spanish_gets_its_receipt_and_status_in_Spanish_and_dates_in_Spanish()
    {
        var cookies = new CookieContainer();
        using var client = Browser(cookies);
        var form = await GetAsync(client, "/?lang=es", "en");

        var receipt = await PostFormAsync(client, "/", form.Html, "en", new Dictionary<string, string>
        {
            ["model.host"] = "hub-lang", ["model.id"] = "org/idioma", ["category"] = "hate", ["title"] = "Idioma <b>no</b>",
            ["description"] = "Descripción", ["evidence[0].kind"] = "output", ["evidence[0].content"] = "texto", ["goodFaith"] = "true",
        });
        Assert.Equal(("es", "ltr"), HtmlLanguage(receipt));
        Assert.Contains("Informe recibido", receipt, StringComparison.Ordinal);
        // The leaf is not known yet (submission never waits on Triage): the receipt says where it will show.
        Assert.Contains("<dd id=\"receipt-log-leaf\">se está registrando ahora.", receipt, StringComparison.Ordinal);
        var id = ReceiptValue("receipt-id").Match(receipt).Groups[1].Value;
        var token = WebUtility.HtmlDecode(ReceiptValue("receipt-token").Match(receipt).Groups[1].Value);
        Assert.NotEmpty(id);
        Assert.NotEmpty(token);

        var statusForm = await GetAsync(client, "/status", "en");
        var status = await PostFormAsync(client, "/status", statusForm.Html, "en", new Dictionary<string, string> { ["id"] = id, ["token"] = token });
        Assert.Equal(("es", "ltr"), HtmlLanguage(status));
        Assert.Contains("Estado:", status, StringComparison.Ordinal);
        Assert.Contains("data-status=\"received\">Recibido<", status, StringComparison.Ordinal);
        var month = CultureInfo.GetCultureInfo("es").DateTimeFormat.GetMonthName(DateTime.UtcNow.Month);
        Assert.Matches($@"<time datetime=""[0-9TZ:-]+"">\d{{1,2}} de {month} de \d{{4}}, \d\d:\d\d UTC</time>", status);
    }

    [Fact]
    public async Task An_Arabic_status_page_reads_right_to_left_with_its_words_and_its_dates()
    {
        var (id, token) = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-lang", "org/arabic", "Arabic status"));
        using var client = Browser();
        var statusForm = await GetAsync(client, "/status", "ar");

        var status = await PostFormAsync(client, "/status", statusForm.Html, "ar", new Dictionary<string, string> { ["id"] = id.ToString(), ["token"] = token });

        Assert.Equal(("ar", "rtl"), HtmlLanguage(status));
        Assert.Contains("الحالة:", status, StringComparison.Ordinal);
        var month = CultureInfo.GetCultureInfo("ar").DateTimeFormat.GetMonthName(DateTime.UtcNow.Month);
        Assert.Contains(month, status, StringComparison.Ordinal);
        // The answer to a POST offers no switcher: a reload in another language would lose what was sent.
        Assert.DoesNotContain("class=\"language-switcher\"", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_and_the_other_sites_stay_as_they_are_whatever_the_reader_chose()
    {
        var cookies = new CookieContainer();
        using var client = Browser(cookies);
        await GetAsync(client, "/?lang=ar", "ar");

        using var request = new HttpRequestMessage(HttpMethod.Post, Sut.Url + "/api/v1/reports")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd("ar");
        using var problem = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Empty(problem.Content.Headers.ContentLanguage);
        var json = await SystemUnderTest.JsonAsync(problem);
        Assert.StartsWith("https://", json["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches("^[ -~]+$", json["title"]!.GetValue<string>());

        var login = await GetAsync(client, "/account/login", "ar");
        Assert.Equal("en", HtmlLanguage(login.Html).Lang);
        Assert.Empty(login.Response.Content.Headers.ContentLanguage);
    }

    private HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(Sut.Url),
        };

    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient client, string path, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string> PostFormAsync(HttpClient client, string path, string formPage, string acceptLanguage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(formPage).Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return html;
    }

    private static (string Lang, string Dir) HtmlLanguage(string html)
    {
        var match = HtmlElement().Match(html);
        Assert.True(match.Success, "no <html lang dir>");
        return (match.Groups["lang"].Value, match.Groups["dir"].Value);
    }

    [GeneratedRegex("""<html lang="(?<lang>[^"]*)"(?: dir="(?<dir>[^"]*)")?>""")]
    private static partial Regex HtmlElement();

    [GeneratedRegex("""<li><a href="(?<href>[^"]*)" lang="(?<lang>[^"]*)" hreflang=""")]
    private static partial Regex SwitcherLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static Regex ReceiptValue(string id) => new($"<code id=\"{id}\" class=\"secret\">([^<]+)</code>");
}
