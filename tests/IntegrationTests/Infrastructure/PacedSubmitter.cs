using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// Submits a fixed number of reports through Intake's public API at a steady rate (submission n starts
/// n / rate seconds after the first, so a slow answer does not slow the rate until <c>maxInFlight</c>
/// requests are open). Each
/// report has its own <c>Idempotency-Key</c>, so a request whose answer was lost is retried safely.
/// A test can hold the schedule at a submission (<see cref="HoldAt"/>) until it has set up a phase that must happen
/// while reports still arrive; the schedule resumes from the release. Bounded in count; talks to 127.0.0.1 only.
/// </summary>
public sealed class PacedSubmitter(string intakeUrl, int count, double perSecond, Func<int, object> report, int maxInFlight = 64) : IDisposable
{
    private const int MaxTries = 5;
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = maxInFlight })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
    private readonly ConcurrentDictionary<int, Guid> _accepted = new();
    private readonly ConcurrentBag<string> _refused = [];
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _holds = new();
    private int _started;
    private int _retried;

    /// <summary>Report ids that got a 202, by submission number.</summary>
    public IReadOnlyDictionary<int, Guid> Accepted => _accepted;

    /// <summary>Final answers other than 202 (status and body, or the exception), for the test's message.</summary>
    public IReadOnlyCollection<string> Refused => _refused;

    public int Started => Volatile.Read(ref _started);

    public int Retried => Volatile.Read(ref _retried);

    /// <summary>The time spent submitting, holds left out.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Submission <paramref name="n"/> (and every later one) waits until <see cref="Release"/>; call before <see cref="RunAsync"/>.</summary>
    public void HoldAt(int n) => _holds.TryAdd(n, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release(int n)
    {
        if (_holds.TryGetValue(n, out var hold))
        {
            hold.TrySetResult();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(maxInFlight);
        var requests = new List<Task>(count);
        var held = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            if (_holds.TryGetValue(i, out var hold))
            {
                var from = clock.Elapsed;
                await hold.Task.WaitAsync(cancellationToken);
                held += clock.Elapsed - from;
            }

            // Pacing, not synchronisation: wait for this submission's slot in the schedule.
            var due = TimeSpan.FromSeconds(i / perSecond) + held - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            await gate.WaitAsync(cancellationToken);
            Interlocked.Increment(ref _started);
            var n = i;
            requests.Add(Task.Run(async () =>
            {
                try
                {
                    await SubmitAsync(n, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(requests);
        Elapsed = clock.Elapsed - held;
    }

    private async Task SubmitAsync(int n, CancellationToken cancellationToken)
    {
        var key = $"paced-{n}-{Guid.NewGuid():N}";
        var body = report(n);
        string? last = null;
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            if (attempt > 1)
            {
                Interlocked.Increment(ref _retried);
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, SystemUnderTest.Url(intakeUrl, "/api/v1/reports"))
                {
                    // A fresh body each attempt: content is read once.
                    Content = body is SubmissionWithFiles withFiles
                        ? Intake.EvidenceFixtures.Multipart(withFiles.Report, [.. withFiles.Files])
                        : JsonContent.Create(body),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await _http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    _accepted[n] = Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
                    return;
                }

                last = $"#{n}: {(int)response.StatusCode} {text}";
                if ((int)response.StatusCode < 500)
                {
                    break;
                }
            }
            catch (HttpRequestException ex)
            {
                last = $"#{n}: {ex.Message}";
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = $"#{n}: timeout {ex.Message}";
            }
        }

        _refused.Add(last ?? $"#{n}: no answer");
    }

    public void Dispose() => _http.Dispose();
}
