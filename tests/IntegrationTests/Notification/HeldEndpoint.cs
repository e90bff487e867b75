using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;

namespace SafetyReports.IntegrationTests.Notification;

/// <summary>
/// A webhook receiver in the dispatcher's HTTP client: each request waits until the test answers its webhook id (or is
/// answered at once when <see cref="AnswerAtOnce"/> is set), so a test decides when an attempt ends and with what.
/// </summary>
public sealed class HeldEndpoint : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<HttpStatusCode>> _answers = new();
    private readonly Channel<string> _arrivals = Channel.CreateUnbounded<string>();

    public HttpStatusCode? AnswerAtOnce { get; init; }

    /// <summary>The webhook id of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public void Answer(string webhookId, HttpStatusCode status) => Gate(webhookId).TrySetResult(status);

    /// <summary>The webhook id of the next request to arrive.</summary>
    public async Task<string> NextArrivalAsync() =>
        await _arrivals.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var webhookId = request.Headers.GetValues("webhook-id").Single();
        Received.Enqueue(webhookId);
        _arrivals.Writer.TryWrite(webhookId);
        var status = AnswerAtOnce ?? await Gate(webhookId).Task.WaitAsync(cancellationToken);
        return new HttpResponseMessage(status) { Content = new StringContent("") };
    }

    private TaskCompletionSource<HttpStatusCode> Gate(string webhookId) =>
        _answers.GetOrAdd(webhookId, _ => new TaskCompletionSource<HttpStatusCode>(TaskCreationOptions.RunContinuationsAsynchronously));
}
