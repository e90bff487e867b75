using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SafetyReports.Intake.AntiAbuse;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// Intake configured for shared rate-limit counters in a MongoDB that does not answer (a port nothing listens on):
/// submissions go on, limited by the process's own counts (docs/intake.md, "When MongoDB fails").
/// </summary>
public sealed class SharedRateCounterFallbackTests : IAsyncLifetime
{
    private const int Permits = 2;
    private StandaloneSystem? _system;

    public async ValueTask InitializeAsync() => _system = await StandaloneSystem.StartAsync(new Dictionary<string, string>
    {
        ["SafetyReports:Intake:ProofOfWork:Difficulty"] = "0",
        ["SafetyReports:Intake:RateLimit:PermitsPerMinute"] = Permits.ToString(CultureInfo.InvariantCulture),
        ["SafetyReports:Intake:RateLimit:Counters"] = "MongoDb",
        ["ConnectionStrings:MongoDb"] = $"mongodb://127.0.0.1:{FreePort.Next()}/?serverSelectionTimeoutMS=30000",
    });

    public async ValueTask DisposeAsync() => await _system!.DisposeAsync();

    [Fact]
    public async Task With_the_shared_counters_down_reports_are_accepted_and_limited_per_process()
    {
        var sut = _system!;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Permits; i++)
        {
            using var response = await sut.Api.Http.PostAsJsonAsync(
                sut.Url + "/api/v1/reports", SystemUnderTest.Report("hub-f", "org/model", $"Fallback {i}"), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        // The first request waits out the shared store's timeout (not the driver's 30 s server selection); the others skip it.
        Assert.InRange(started.Elapsed, TimeSpan.Zero, FallbackRateCounterStore.Timeout + TimeSpan.FromSeconds(8));
        var counters = Assert.IsType<FallbackRateCounterStore>(sut.Get<IRateCounterStore>());
        Assert.True(counters.UsingLocal);
    }
}

public sealed class SharedRateCounterConfigurationTests
{
    [Fact]
    public async Task Shared_counters_without_a_connection_string_stop_the_start_and_say_why()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => StandaloneSystem.StartAsync(new Dictionary<string, string>
        {
            ["SafetyReports:Intake:RateLimit:Counters"] = "MongoDb",
        }));

        Assert.Contains("ConnectionStrings:MongoDb", error.Message);
    }
}
