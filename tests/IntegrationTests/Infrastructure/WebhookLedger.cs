using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>One webhook request as a receiver saw it, and what it answered.</summary>
public sealed record WebhookHit(Guid ReportId, string Path, string EventType, string WebhookId, int Answer);

/// <summary>
/// Hooks into a <see cref="WebhookReceiver"/>: records every request with the answer given, and answers
/// 503 while <see cref="Down"/> is set (the receiver's outage).
/// </summary>
public sealed class WebhookLedger
{
    private readonly ConcurrentQueue<WebhookHit> _hits = new();
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(60);
    private readonly ManualResetEventSlim _released = new(initialState: true);
    private volatile bool _down;
    private int _refusedWhileDown;
    private int _held;

    public WebhookLedger(WebhookReceiver receiver)
    {
        receiver.Respond = Answer;
    }

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public IReadOnlyCollection<WebhookHit> Hits => _hits;

    public int Count => _hits.Count;

    public int RefusedWhileDown => Volatile.Read(ref _refusedWhileDown);

    /// <summary>Requests that arrived and are being held unanswered right now.</summary>
    public int HeldNow => Volatile.Read(ref _held);

    /// <summary>
    /// From now on, requests are read and recorded but not answered until <see cref="Release"/>: the
    /// sender is then provably in the middle of deliveries (sent, no answer yet).
    /// </summary>
    public void Hold() => _released.Reset();

    /// <summary>Held requests are answered (204) and new ones no longer wait.</summary>
    public void Release() => _released.Set();

    public int Succeeded => _hits.Count(h => h.Answer is >= 200 and < 300);

    private int Answer(ReceivedWebhook webhook)
    {
        if (!_released.IsSet)
        {
            Interlocked.Increment(ref _held);
            _released.Wait(MaxHold);
            Interlocked.Decrement(ref _held);
        }

        var answer = _down ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
        if (_down)
        {
            Interlocked.Increment(ref _refusedWhileDown);
        }

        var body = JsonNode.Parse(webhook.Body)!;
        var reportId = body["data"]?["reportId"]?.GetValue<string>();
        _hits.Enqueue(new WebhookHit(reportId is null ? Guid.Empty : Guid.Parse(reportId), webhook.Path,
            body["type"]!.GetValue<string>(), webhook.WebhookId ?? "", answer));
        return answer;
    }
}
