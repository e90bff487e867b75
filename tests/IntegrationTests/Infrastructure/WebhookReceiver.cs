using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SafetyReports.IntegrationTests.Infrastructure;

public sealed record ReceivedWebhook(string Path, string? WebhookId, string? Timestamp, string? Signature, string Body)
{
    /// <summary>Every request header, names lower-cased.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>A real HTTP receiver on 127.0.0.1 that records every webhook it gets.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The status code the receiver answers with; 204 unless a test says otherwise.</summary>
    public Func<ReceivedWebhook, int> Respond { get; set; } = _ => StatusCodes.Status204NoContent;

    public string BaseUrl => _app.Urls.First();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var webhook = new ReceivedWebhook(
                context.Request.Path,
                context.Request.Headers["webhook-id"].FirstOrDefault(),
                context.Request.Headers["webhook-timestamp"].FirstOrDefault(),
                context.Request.Headers["webhook-signature"].FirstOrDefault(),
                await reader.ReadToEndAsync())
            {
                Headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            };
            await receiver._received.Writer.WriteAsync(webhook);
            return Results.StatusCode(receiver.Respond(webhook));
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next webhook received whose body matches, within the timeout.</summary>
    public async Task<ReceivedWebhook> NextAsync(Func<ReceivedWebhook, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var webhook = await _received.Reader.ReadAsync(cts.Token);
                if (match(webhook))
                {
                    return webhook;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching webhook arrived within {timeout.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
