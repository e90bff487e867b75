using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SafetyReports.IntegrationTests.Notification;

/// <param name="Number">1 for the first request this receiver got, and so on.</param>
/// <param name="Elapsed">When it arrived, on the receiver's monotonic clock.</param>
public sealed record ReceivedRequest(int Number, TimeSpan Elapsed, string Path, string? WebhookId, string? Timestamp, string? Signature, string Body);

/// <summary>The receiver's answer: a status code and headers (e.g. <c>Retry-After</c>, <c>Location</c>).</summary>
public sealed record ScriptedReply(int Status, IReadOnlyDictionary<string, string>? Headers = null, string? Body = null)
{
    public static ScriptedReply Status204 { get; } = new(StatusCodes.Status204NoContent);
}

/// <summary>
/// A real HTTP receiver on 127.0.0.1 that answers as the test scripts it and records every request it
/// gets, with its arrival time, so tests can count requests (zero included) and measure their spacing.
/// </summary>
public sealed class ScriptedReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Channel<ReceivedRequest> _arrivals = Channel.CreateUnbounded<ReceivedRequest>();
    private readonly List<ReceivedRequest> _received = [];

    private ScriptedReceiver(WebApplication app)
    {
        _app = app;
    }

    public Func<ReceivedRequest, ScriptedReply> Respond { get; set; } = _ => ScriptedReply.Status204;

    public string BaseUrl => _app.Urls.First();

    public int Port => new Uri(BaseUrl).Port;

    public int Count
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<ScriptedReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new ScriptedReceiver(app);
        app.Map("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next request whose fields match, within the timeout.</summary>
    public async Task<ReceivedRequest> NextAsync(Func<ReceivedRequest, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var request = await _arrivals.Reader.ReadAsync(cts.Token);
                if (match(request))
                {
                    return request;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching request reached {BaseUrl} within {timeout.TotalSeconds} s.");
        }
    }

    public IReadOnlyList<ReceivedRequest> With(string webhookId) => Received.Where(r => r.WebhookId == webhookId).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        ReceivedRequest request;
        lock (_received)
        {
            request = new ReceivedRequest(_received.Count + 1, _clock.Elapsed, context.Request.Path,
                context.Request.Headers["webhook-id"].FirstOrDefault(), context.Request.Headers["webhook-timestamp"].FirstOrDefault(),
                context.Request.Headers["webhook-signature"].FirstOrDefault(), body);
            _received.Add(request);
        }

        await _arrivals.Writer.WriteAsync(request);
        var reply = Respond(request);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            await context.Response.WriteAsync(reply.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
