using System.Net;
using System.Net.Http.Json;
using MassTransit;
using SafetyReports.Contracts;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>Repeated requests and messages change state exactly once.</summary>
public class IdempotencyTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private StandaloneSystem Sut => fixture.System;

    private async Task<HttpResponseMessage> PostAsync(object report, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Sut.Url + "/api/v1/reports") { Content = JsonContent.Create(report) };
        request.Headers.Add("Idempotency-Key", key);
        return await Sut.Api.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_replays_the_first_answer_and_stores_one_report()
    {
        var key = $"key-{Guid.NewGuid():N}";
        var report = SystemUnderTest.Report("hub-a", "org/model", $"Idempotent {key}");
        var before = StoreInspector.Count(Sut.DataDirectory, "intake.db");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var response = await PostAsync(report, key);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var json = await SystemUnderTest.JsonAsync(response);
            return (Id: json["id"]!.GetValue<string>(), Token: json["statusToken"]!.GetValue<string>(), Location: response.Headers.Location?.ToString());
        }));

        Assert.Single(answers.Distinct());
        Assert.Equal(before + 1, StoreInspector.Count(Sut.DataDirectory, "intake.db"));
        var (id, _, _) = answers[0];
        var stored = await Sut.Api.TriageReportAsync(Guid.Parse(id));
        Assert.Equal($"Idempotent {key}", stored["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_client_with_the_same_key_and_body_gets_a_report_of_its_own_never_the_first_receipt()
    {
        var key = $"key-{Guid.NewGuid():N}";
        var report = SystemUnderTest.Report("hub-a", "org/model", $"Scoped {key}");
        using var other = Hardening.SourceAddressClient.From("127.0.0.2");

        var first = await SendAsync(Sut.Api.Http);
        var replayed = await SendAsync(Sut.Api.Http);
        var elsewhere = await SendAsync(other);
        var elsewhereAgain = await SendAsync(other);

        Assert.Equal(first, replayed);
        Assert.NotEqual(first.Id, elsewhere.Id);
        Assert.NotEqual(first.Token, elsewhere.Token);
        Assert.Equal(elsewhere, elsewhereAgain);
        await Sut.Api.TriageReportAsync(Guid.Parse(elsewhere.Id));

        async Task<(string Id, string Token)> SendAsync(HttpClient http)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Sut.Url + "/api/v1/reports") { Content = JsonContent.Create(report) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var json = await SystemUnderTest.JsonAsync(response);
            return (json["id"]!.GetValue<string>(), json["statusToken"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_stores_nothing()
    {
        var key = $"key-{Guid.NewGuid():N}";
        using (var first = await PostAsync(SystemUnderTest.Report("hub-a", "org/model", "First body"), key))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var before = StoreInspector.Count(Sut.DataDirectory, "intake.db");
        using var second = await PostAsync(SystemUnderTest.Report("hub-a", "org/model", "Second body"), key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(before, StoreInspector.Count(Sut.DataDirectory, "intake.db"));
    }

    [Fact]
    public async Task A_redelivered_submission_is_stored_once_with_one_received_audit_entry()
    {
        var (id, _) = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/model", "Redelivered"));
        var first = await Sut.Api.TriageReportAsync(id);

        var message = new ReportSubmitted(id, DateTimeOffset.UtcNow, new ModelReference("hub-a", "org/model"), "hate", null,
            "A different title that must not overwrite", "d", [], null, false);
        var bus = Sut.Get<IBus>();
        var consumed = new ConsumedSubmissions(id);
        using var observing = bus.ConnectConsumeMessageObserver(consumed);
        for (var i = 0; i < 3; i++)
        {
            await bus.Publish(message, TestContext.Current.CancellationToken);
        }

        await Eventually.UntilAsync(() => Task.FromResult(consumed.Count >= 3), TimeSpan.FromSeconds(30), "the re-deliveries to be consumed");

        var after = await Sut.Api.TriageReportAsync(id);
        Assert.Equal(first["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());
        Assert.Equal("Redelivered", after["title"]!.GetValue<string>());
        Assert.Equal(1, StoreInspector.Count(Sut.DataDirectory, "triage.db", $"id = '{id}'", "reports"));
        Assert.Equal(1, StoreInspector.Count(Sut.DataDirectory, "triage.db", $"report_id = '{id}' AND action = 'received'", "audit"));
    }
}

/// <summary>Counts how often Triage finished consuming a given submission.</summary>
internal sealed class ConsumedSubmissions(Guid reportId) : IConsumeMessageObserver<ReportSubmitted>
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task PreConsume(ConsumeContext<ReportSubmitted> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<ReportSubmitted> context)
    {
        if (context.Message.ReportId == reportId)
        {
            Interlocked.Increment(ref _count);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<ReportSubmitted> context, Exception exception) => Task.CompletedTask;
}
