using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyReports.Intake.Transparency;
using SafetyReports.UnitTests.Triage;

namespace SafetyReports.UnitTests.Intake.Transparency;

/// <summary>The cache in front of Triage: one call per query and minute, shared while in flight; failures kept briefly.</summary>
public class TransparencyFiguresCacheTests
{
    private static readonly Uri Source = new("http://triage.test/base/");

    [Fact]
    public async Task A_query_asked_again_within_the_minute_is_answered_from_the_cache_and_asked_again_after_it()
    {
        var triage = new FakeTriage(_ => Answer(HttpStatusCode.OK, """{"from":"2026-01","to":"2026-01","groups":[]}"""));
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var cache = Cache(triage, clock);
        var query = TransparencyQuery.Hosts("2026-01", "2026-01");

        var first = await cache.GetAsync(query, CancellationToken.None);
        await cache.GetAsync(query, CancellationToken.None);
        clock.Now += TransparencyFiguresCache.Lifetime - TimeSpan.FromSeconds(1);
        await cache.GetAsync(query, CancellationToken.None);
        Assert.Equal(1, triage.Calls);
        Assert.Equal(TransparencyOutcome.Ok, first.Outcome);
        Assert.NotNull(first.Figures());

        clock.Now += TimeSpan.FromSeconds(1);
        await cache.GetAsync(query, CancellationToken.None);
        Assert.Equal(2, triage.Calls);

        await cache.GetAsync(TransparencyQuery.Hosts("2026-01", "2026-01", csv: true), CancellationToken.None);
        Assert.Equal(3, triage.Calls);
        Assert.Equal("text/csv", triage.LastAccept);
    }

    [Fact]
    public async Task A_reports_leaves_without_its_received_leaf_are_asked_again_after_the_short_lifetime_and_with_it_kept_the_minute()
    {
        var report = Guid.NewGuid();
        var stored = false;
        var triage = new FakeTriage(_ => Answer(HttpStatusCode.OK, stored
            ? $$"""{"size":8,"leaves":[{"index":7,"sequence":8,"reportId":"{{report}}","action":"received"}],"next":null}"""
            : """{"size":7,"leaves":[],"next":null}"""));
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var reader = new TransparencyReader(Cache(triage, clock));

        Assert.Null(await reader.ReceivedLeafAsync(report, CancellationToken.None));
        stored = true;
        clock.Now += TransparencyFiguresCache.FailureLifetime - TimeSpan.FromSeconds(1);
        Assert.Null(await reader.ReceivedLeafAsync(report, CancellationToken.None));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(7, await reader.ReceivedLeafAsync(report, CancellationToken.None));
        Assert.Equal(2, triage.Calls);

        clock.Now += TransparencyFiguresCache.Lifetime - TimeSpan.FromSeconds(1);
        Assert.Equal(7, await reader.ReceivedLeafAsync(report, CancellationToken.None));
        Assert.Equal(2, triage.Calls);
    }

    [Fact]
    public async Task Readers_of_a_query_in_flight_share_its_one_call_and_one_giving_up_cancels_nothing()
    {
        var release = new TaskCompletionSource();
        var triage = new FakeTriage(async _ =>
        {
            await release.Task;
            return Answer(HttpStatusCode.OK, """{"from":"2026-01","to":"2026-01","groups":[]}""");
        });
        var cache = Cache(triage, new ManualClock(DateTimeOffset.UnixEpoch));
        var query = TransparencyQuery.Hosts(null, null);
        using var impatient = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 10).Select(_ => cache.GetAsync(query, CancellationToken.None)).ToList();
        var givingUp = cache.GetAsync(query, impatient.Token);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givingUp);
        release.SetResult();

        Assert.All(await Task.WhenAll(readers), a => Assert.Equal(TransparencyOutcome.Ok, a.Outcome));
        Assert.Equal(1, triage.Calls);
    }

    [Fact]
    public async Task An_unreachable_Triage_is_unavailable_and_asked_again_after_the_shorter_failure_lifetime()
    {
        var triage = new FakeTriage(HttpResponseMessage (_) => throw new HttpRequestException("connection refused"));
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var cache = Cache(triage, clock);
        var query = TransparencyQuery.Hosts(null, null);

        Assert.Equal(TransparencyOutcome.Unavailable, (await cache.GetAsync(query, CancellationToken.None)).Outcome);
        await cache.GetAsync(query, CancellationToken.None);
        Assert.Equal(1, triage.Calls);

        clock.Now += TransparencyFiguresCache.FailureLifetime;
        await cache.GetAsync(query, CancellationToken.None);
        Assert.Equal(2, triage.Calls);
    }

    [Fact]
    public async Task Asking_for_ever_more_distinct_periods_keeps_the_cache_bounded()
    {
        var triage = new FakeTriage(_ => Answer(HttpStatusCode.OK, """{"from":"2026-01","to":"2026-01","groups":[]}"""));
        var cache = Cache(triage, new ManualClock(DateTimeOffset.UnixEpoch));

        for (var i = 0; i < TransparencyFiguresCache.MaxEntries + 50; i++)
        {
            await cache.GetAsync(TransparencyQuery.Models($"host-{i}", null, null), CancellationToken.None);
        }

        Assert.InRange(cache.Count, 1, TransparencyFiguresCache.MaxEntries);
        Assert.Equal(TransparencyFiguresCache.MaxEntries + 50, triage.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "{}", TransparencyOutcome.Unavailable)]
    [InlineData(HttpStatusCode.NotFound, "", TransparencyOutcome.NotFound)]
    [InlineData(HttpStatusCode.BadRequest, """{"errors":{"to":["A period is at most 60 months."]}}""", TransparencyOutcome.Invalid)]
    public async Task Triage_s_answers_become_outcomes(HttpStatusCode status, string body, TransparencyOutcome outcome)
    {
        var cache = Cache(new FakeTriage(_ => Answer(status, body)), new ManualClock(DateTimeOffset.UnixEpoch));

        var answer = await cache.GetAsync(TransparencyQuery.Hosts("2020-01", "2026-01"), CancellationToken.None);

        Assert.Equal(outcome, answer.Outcome);
        if (outcome == TransparencyOutcome.Invalid)
        {
            Assert.Equal(["A period is at most 60 months."], answer.Errors);
        }
    }

    [Fact]
    public async Task A_body_that_is_not_the_figures_reads_as_none()
    {
        var cache = Cache(new FakeTriage(_ => Answer(HttpStatusCode.OK, "<html>a proxy's page</html>")), new ManualClock(DateTimeOffset.UnixEpoch));

        Assert.Null((await cache.GetAsync(TransparencyQuery.Hosts(null, null), CancellationToken.None)).Figures());
    }

    [Fact]
    public void Queries_encode_every_value_under_the_base_address()
    {
        var query = TransparencyQuery.Models("a&b=c/<d> é", "2026-01", "2026-02");

        Assert.Equal("api/v1/transparency/models?host=a%26b%3Dc%2F%3Cd%3E%20%C3%A9&from=2026-01&to=2026-02", query.PathAndQuery);
        Assert.Equal("http://triage.test/base/api/v1/transparency/models?host=a%26b%3Dc%2F%3Cd%3E%20%C3%A9&from=2026-01&to=2026-02",
            new Uri(Source, query.PathAndQuery).AbsoluteUri);
        Assert.Equal("api/v1/transparency/hosts", TransparencyQuery.Hosts(null, null).PathAndQuery);
        Assert.Equal("api/v1/transparency/errata?host=a%2Fb&from=2026-03&to=2026-03", TransparencyQuery.Errata("a/b", "2026-03", "2026-03").PathAndQuery);
        Assert.Equal("text/csv", TransparencyQuery.Errata(null, null, null).MediaType);
        Assert.Equal("transparency-errata-models-2026-03-to-2026-03.csv",
            TransparencyDownload.FileName("a/b", PeriodInput.Parse("2026-03", "2026-03"), csv: true, errata: true));
        Assert.Equal("http://triage.test/base/", ConfiguredTransparencySource.WithTrailingSlash("http://triage.test/base").AbsoluteUri);
    }

    private static TransparencyFiguresCache Cache(FakeTriage triage, TimeProvider clock) =>
        new(new TransparencyApiClient(triage, new FixedSource(), NullLogger<TransparencyApiClient>.Instance), clock);

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class FixedSource : ITransparencySourceAddress
    {
        public Uri BaseAddress => Source;
    }

    /// <summary>Triage as an HTTP handler behind a client factory, counting the calls that reach it.</summary>
    private sealed class FakeTriage(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler, IHttpClientFactory
    {
        private int _calls;

        public FakeTriage(Func<HttpRequestMessage, HttpResponseMessage> answer)
            : this(request => Task.FromResult(answer(request)))
        {
        }

        public int Calls => Volatile.Read(ref _calls);

        public string? LastAccept { get; private set; }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            LastAccept = request.Headers.Accept.ToString();
            Assert.StartsWith(Source.AbsoluteUri, request.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
            return answer(request);
        }
    }
}
