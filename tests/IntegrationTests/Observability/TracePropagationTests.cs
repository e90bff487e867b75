using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Observability;

/// <summary>One trace follows a report from the HTTP request across the bus, through the stores' hand-over and outbox.</summary>
public class TracePropagationTests
{
    private static readonly ActivitySource TestSource = new("SafetyReports.Tests");

    [Fact]
    public async Task The_submitting_requests_trace_continues_into_Triage_and_back_to_Intake()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var consumed = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or "SafetyReports.Tests" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId && activity.Kind == ActivityKind.Consumer)
                {
                    consumed.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await using var system = await StandaloneSystem.StartAsync();
        using (TestSource.StartActivity("submit a report", ActivityKind.Client, new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)))
        {
            using var response = await system.Api.Http.PostAsJsonAsync(system.Url + "/api/v1/reports",
                SystemUnderTest.Report("hub-t", "org/model", "Traced"), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        }

        bool Consumed(string endpoint) => consumed.Any(a => a.DisplayName.StartsWith(endpoint, StringComparison.Ordinal));
        await Eventually.UntilAsync(
            () => Task.FromResult(Consumed("safety-reports-store-submitted-report") && Consumed("safety-reports-confirm-handover") && Consumed("safety-reports-update-receipt")),
            TimeSpan.FromSeconds(30), "Triage's and Intake's consumers to run in the submitting request's trace");
    }
}
