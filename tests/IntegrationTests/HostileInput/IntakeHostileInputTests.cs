using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>
/// Property-based tests over every public input of Intake: the JSON submission, its headers, the
/// status look-up (path, query, token header), the reporter's answer and contest, and the report form post (with a
/// valid antiforgery token). Every answer: no 5xx, bounded time, a problem+json 4xx (or the form page),
/// and nothing stored unless the answer says it was. 200 cases per property keep the run to seconds.
/// </summary>
[Trait("Speed", "Slow")]
public sealed partial class IntakeHostileInputTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>, IDisposable
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private readonly HttpProbe _probe = new(fixture.System.Url);

    private long Stored => StoreInspector.Count(fixture.System.DataDirectory, "intake.db");

    [Fact]
    public void Any_submission_body_is_answered_without_a_server_error_and_stores_only_when_accepted()
    {
        var bodies = Gen.Frequency((3, HostileJson.MutatedReport), (2, HostileJson.Garbage));
        Check.One(Cases, Prop.ForAll(bodies.ToArbitrary(), (HostileBody body) =>
        {
            var before = Stored;
            var answer = _probe.Send(Submission(body.Bytes));
            HttpProbe.AssertApiAnswer(answer);
            Assert.True(answer.Status is HttpStatusCode.Accepted or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge,
                $"{(int)answer.Status} {answer.Body}");
            Assert.Equal(before + NewReports(answer), Stored);
        }));
    }

    [Fact]
    public void Hostile_idempotency_keys_and_proofs_never_cause_a_server_error_or_a_stray_report()
    {
        var headers = from key in HostileText.HeaderValue from proof in HostileText.HeaderValue from title in HostileText.Short select (key, proof, title);
        Check.One(Cases, Prop.ForAll(headers.ToArbitrary(), ((string Key, string Proof, string Title) h) =>
        {
            var before = Stored;
            var request = Submission(Encoding.UTF8.GetBytes(HostileJson.ValidReport("Headers " + h.Title).ToJsonString()));
            request.Headers.TryAddWithoutValidation("Idempotency-Key", h.Key);
            request.Headers.TryAddWithoutValidation("X-Proof-Of-Work", h.Proof);
            var answer = _probe.Send(request);
            HttpProbe.AssertApiAnswer(answer);
            // HTTP drops leading and trailing spaces and tabs of a header value before the service sees it.
            var key = h.Key.Trim(' ', '\t');
            var keyIsValid = key.Length is > 0 and <= 255 && key.All(c => c is >= '!' and <= '~');
            if (!keyIsValid && key.Length > 0 && !HttpProbe.IsProtocolRejection(answer))
            {
                Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            }

            Assert.Equal(before + NewReports(answer), Stored);
        }));
    }

    [Fact]
    public async Task Status_look_ups_with_hostile_ids_queries_and_tokens_reveal_nothing()
    {
        var (id, token) = await fixture.System.Api.SubmitAsync(SystemUnderTest.Report("hub-h", "org/status", "Status look-up target"));
        var ids = Gen.Frequency((3, Gen.Constant(id.ToString())), (1, Gen.Fresh(() => Guid.NewGuid().ToString())),
            (2, HostileText.Short.Select(Uri.EscapeDataString)), (1, HostileText.InvalidUtf8Escapes));
        var tokens = Gen.Frequency((2, Gen.Constant(token)), (1, Gen.Constant(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'))),
            (3, HostileText.HeaderValue), (1, Gen.Constant<string>("")));
        var queries = Gen.Zip(HostileText.Short, HostileText.Short).Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}")
            .ListOf().Select(q => string.Join('&', q.Take(5)));
        var cases = from i in ids from t in tokens from q in Gen.Frequency((3, queries), (1, HostileText.InvalidUtf8Escapes.Select(e => "q=" + e)))
                    select (i, t, q);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Id, string Token, string Query) c) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/reports/{c.Id}/status?{c.Query}");
            request.Headers.TryAddWithoutValidation("X-Report-Token", c.Token);
            var answer = _probe.Send(request);
            HttpProbe.AssertApiAnswer(answer);
            var genuine = c.Id == id.ToString() && c.Token.Trim(' ', '\t') == token;
            if (!HttpProbe.IsProtocolRejection(answer))
            {
                Assert.Equal(genuine ? HttpStatusCode.OK : HttpStatusCode.NotFound, answer.Status);
            }
        }));
    }

    [Fact]
    public async Task Hostile_answers_from_a_reporter_are_refused_cleanly()
    {
        var (id, token) = await fixture.System.Api.SubmitAsync(SystemUnderTest.Report("hub-h", "org/reply", "Reply target"));
        var bodies = Gen.OneOf(
            HostileJson.Value(2).Select(v => new System.Text.Json.Nodes.JsonObject { ["message"] = v?.DeepClone() }.ToJsonString()),
            HostileJson.Value(3).Select(v => v?.ToJsonString() ?? "null"),
            HostileText.Short);
        var cases = Gen.Zip(bodies, Gen.Frequency((2, Gen.Constant(token)), (1, HostileText.HeaderValue)));
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Body, string Token) c) =>
        {
            var answer = _probe.Send(ReporterPost($"api/v1/reports/{id}/messages", c.Body, c.Token));
            HttpProbe.AssertApiAnswer(answer);
            // The report is not waiting for an answer, so nothing may ever be accepted.
            Assert.NotEqual(HttpStatusCode.Accepted, answer.Status);
        }));
    }

    [Fact]
    public async Task Hostile_contests_are_refused_cleanly_and_a_response_is_contested_at_most_once()
    {
        var api = fixture.System.Api;
        var (id, token) = await ReporterLoop.TriagedReportAsync(api, "Contest target");
        await ReporterLoop.RespondAsync(api, id, ReporterLoop.FullStatement());
        await ReporterLoop.ReceiptAsync(api, id, token, s => s["canContest"]!.GetValue<bool>(), "the response to be contestable");
        var bodies = Gen.OneOf(
            HostileText.Any.Select(reason => new System.Text.Json.Nodes.JsonObject { ["reason"] = reason }.ToJsonString()),
            HostileJson.Value(2).Select(v => new System.Text.Json.Nodes.JsonObject { ["reason"] = v?.DeepClone() }.ToJsonString()),
            HostileJson.Value(3).Select(v => v?.ToJsonString() ?? "null"),
            HostileText.Short);
        var cases = Gen.Zip(bodies, Gen.Frequency((3, Gen.Constant(token)), (1, HostileText.HeaderValue)));
        var accepted = 0;
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Body, string Token) c) =>
        {
            var answer = _probe.Send(ReporterPost($"api/v1/reports/{id}/contest", c.Body, c.Token));
            HttpProbe.AssertApiAnswer(answer);
            if (!HttpProbe.IsProtocolRejection(answer))
            {
                Assert.True(answer.Status is HttpStatusCode.Accepted or HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict,
                    $"{(int)answer.Status} {answer.Body}");
            }

            if (answer.Status == HttpStatusCode.Accepted)
            {
                accepted++;
                var reason = System.Text.Json.Nodes.JsonNode.Parse(c.Body)!["reason"]!.GetValue<string>();
                Assert.Null(SafetyReports.Intake.Domain.ContestRules.ReasonProblem(reason));
            }

            Assert.True(accepted <= 1, "one response revision was contested twice");
        }));

        var status = await ReporterLoop.ReceiptAsync(api, id, token, _ => true, "the status");
        Assert.Equal(accepted == 1, status["contest"] is not null);
        Assert.Equal(accepted == 0, status["canContest"]!.GetValue<bool>());
    }

    [Fact]
    public void A_form_post_with_a_NUL_in_a_percent_escape_shows_the_form_again_and_stores_nothing()
    {
        // Found by the property below after the form began reading its files itself (CI, 2026-12-07): a 500.
        var (cookie, antiforgery) = FormToken();
        var request = new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new StringContent(
                $"model.host=hub-h&model.id=%00%E2%81%A9&category=hate&title=Form&description=&goodFaith=true&__RequestVerificationToken={Uri.EscapeDataString(antiforgery)}",
                Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Cookie", cookie);
        var before = Stored;

        var answer = _probe.Send(request);

        HttpProbe.AssertNoServerError(answer);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (answer.Status, answer.MediaType));
        Assert.DoesNotContain("id=\"receipt-id\"", answer.Body, StringComparison.Ordinal);
        Assert.Equal(before, Stored);
    }

    [Fact]
    public void Hostile_report_form_posts_show_the_form_or_a_receipt_and_store_only_with_a_receipt()
    {
        var (cookie, antiforgery) = FormToken();
        var fields = new[]
        {
            "model.url", "model.host", "model.id", "model.revision", "category", "severity", "title", "description",
            "evidence[0].kind", "evidence[0].content", "evidence[1].content", "evidence[99999].content", "evidence[-1].kind",
            "reporter.name", "reporter.email", "contactAllowed", "goodFaith", "proof", "command",
        };
        var valid = new Dictionary<string, string>
        {
            ["model.host"] = "hub-h", ["model.id"] = "org/form", ["category"] = "hate", ["title"] = "Form",
            ["description"] = "Form description", ["evidence[0].kind"] = "output", ["evidence[0].content"] = "text", ["goodFaith"] = "true",
        };
        var overrides = Gen.Zip(Gen.Elements(fields), Gen.Frequency((4, HostileText.Any.Select(Uri.EscapeDataString)), (1, HostileText.InvalidUtf8Escapes)))
            .ListOf().Select(o => o.Take(4).ToList());
        Check.One(Cases, Prop.ForAll(overrides.ToArbitrary(), (List<(string Field, string Value)> changes) =>
        {
            var form = valid.ToDictionary(p => p.Key, p => Uri.EscapeDataString(p.Value));
            foreach (var (field, value) in changes)
            {
                form[field] = value;
            }

            form["__RequestVerificationToken"] = Uri.EscapeDataString(antiforgery);
            var request = new HttpRequestMessage(HttpMethod.Post, "")
            {
                Content = new StringContent(string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={p.Value}")),
                    Encoding.ASCII, "application/x-www-form-urlencoded"),
            };
            request.Headers.Add("Cookie", cookie);
            var before = Stored;
            var answer = _probe.Send(request);
            HttpProbe.AssertNoServerError(answer);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal("text/html", answer.MediaType);
            var receipt = answer.Body.Contains("id=\"receipt-id\"", StringComparison.Ordinal);
            var folded = receipt && !answer.Body.Contains("id=\"receipt-token\"", StringComparison.Ordinal);
            Assert.Equal(before + (receipt && !folded ? 1 : 0), Stored);
        }));
    }

    [Fact]
    public void Hostile_status_look_up_form_posts_show_the_page_and_never_a_report()
    {
        var (cookie, antiforgery) = FormToken("status");
        var values = Gen.Frequency((4, HostileText.Any.Select(Uri.EscapeDataString)), (1, HostileText.InvalidUtf8Escapes),
            (1, Gen.Fresh(() => Guid.NewGuid().ToString())));
        var cases = from id in values from token in values from message in values from handler in Gen.Elements("", "?handler=reply", "?handler=contest")
                    select (id, token, message, handler);
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Id, string Token, string Message, string Handler) c) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "status" + c.Handler)
            {
                Content = new StringContent(
                    $"__RequestVerificationToken={Uri.EscapeDataString(antiforgery)}&id={c.Id}&token={c.Token}&message={c.Message}&reason={c.Message}",
                    Encoding.ASCII, "application/x-www-form-urlencoded"),
            };
            request.Headers.Add("Cookie", cookie);
            var answer = _probe.Send(request);
            HttpProbe.AssertNoServerError(answer);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal("text/html", answer.MediaType);
            Assert.DoesNotContain("id=\"report-status\"", answer.Body, StringComparison.Ordinal);
        }));
    }

    private (string Cookie, string Token) FormToken(string page = "")
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, fixture.System.Url + "/" + page));
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var token = AntiforgeryField().Match(reader.ReadToEnd()).Groups[1].Value;
        Assert.NotEmpty(token);
        return (cookie, WebUtility.HtmlDecode(token));
    }

    /// <summary>A reporter's JSON post with a status token, sent as given (the header unchecked by the client).</summary>
    private static HttpRequestMessage ReporterPost(string path, string body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Report-Token", token);
        return request;
    }

    private static HttpRequestMessage Submission(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, "api/v1/reports") { Content = content };
    }

    /// <summary>A 202 that was not folded into an earlier submission is one new stored report.</summary>
    private static int NewReports(ProbeAnswer answer) =>
        answer.Status == HttpStatusCode.Accepted && !answer.Body.Contains("\"folded\":true", StringComparison.Ordinal) ? 1 : 0;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public void Dispose() => _probe.Dispose();
}
