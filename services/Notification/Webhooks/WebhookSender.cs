using System.Diagnostics;
using System.Net.Http.Headers;

namespace SafetyReports.Notification.Webhooks;

public sealed record SendResult(int? StatusCode, TimeSpan? RetryAfter, long LatencyMs, string? Error, string? ResponseExcerpt);

/// <summary>
/// Sends one signed webhook request within the attempt timeout (connecting, sending and reading the
/// first bytes of the answer all count); never follows redirects, never throws for the receiver's failures.
/// </summary>
public sealed class WebhookSender(HttpClient client, TimeProvider clock, TimeSpan attemptTimeout)
{
    public const int ExcerptBytes = 512;

    public async Task<SendResult> SendAsync(string url, string webhookId, string body, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.SignatureHeader(secrets, webhookId, timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("SafetyReports-Webhooks", "1"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(attemptTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            return new SendResult(status, RetryAfter(response), Elapsed(started), status is >= 300 and < 400 ? "Redirect not followed." : null, excerpt);
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookTargetRefusedException refused)
        {
            return new SendResult(null, null, Elapsed(started), refused.Message, null);
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(null, null, Elapsed(started), $"{ex.HttpRequestError}: {ex.Message}", null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(null, null, Elapsed(started), $"Timeout: no answer within {attemptTimeout.TotalSeconds:0.#} s.", null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - clock.GetUtcNow() : null;
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[ExcerptBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total == 0 ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
