using System.Net;
using System.Text.Json.Nodes;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// Plays the maintainers: until stopped, lists the reports still <c>received</c> through the Triage API
/// and moves each to <c>triaged</c>, which is what makes Notification send webhooks. Tolerates Triage
/// being down (it is killed on purpose) by trying again.
/// </summary>
public sealed class TriageDriver(SystemUnderTest api, string token)
{
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(200);
    private int _triaged;
    private int _conflicts;
    private int _errors;

    public int Triaged => Volatile.Read(ref _triaged);

    public int Conflicts => Volatile.Read(ref _conflicts);

    public int Errors => Volatile.Read(ref _errors);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var moved = 0;
            try
            {
                using var listed = await api.SendAsync(HttpMethod.Get, api.Urls.Triage, "/api/v1/triage/reports?status=received&limit=200", rawToken: token);
                if (listed.IsSuccessStatusCode)
                {
                    var items = (await SystemUnderTest.JsonAsync(listed))["items"]!.AsArray().Select(i => i!).ToList();
                    await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                        async (item, _) =>
                        {
                            if (await TriageAsync(item))
                            {
                                Interlocked.Increment(ref moved);
                            }
                        });
                }
                else
                {
                    Interlocked.Increment(ref _errors);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped while a batch was being triaged: the caller asked for exactly that.
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _errors);
            }

            if (moved == 0)
            {
                // Pacing of a polling loop (nothing to do, or Triage is restarting), not synchronisation.
                try
                {
                    await Task.Delay(IdlePause, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> TriageAsync(JsonNode item)
    {
        try
        {
            using var response = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{item["id"]!.GetValue<string>()}/transitions",
                json: new { to = "triaged", note = "load", expectedVersion = item["version"]!.GetValue<long>() }, rawToken: token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _triaged);
                return true;
            }

            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Interlocked.Increment(ref _conflicts);
            }
            else
            {
                Interlocked.Increment(ref _errors);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _errors);
        }

        return false;
    }
}
