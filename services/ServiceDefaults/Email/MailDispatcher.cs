using MailKit;
using MailKit.Net.Smtp;

namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// Sends the due mails of a store's mail outbox, one by one, each marked sent only once the transport took it; a mail the
/// server refused or could not take waits and is tried again (<see cref="MailRetry"/>), with the same Message-ID. Logs the
/// mail's id and the kind of failure, never an address or the server's reply text (which may quote one).
/// </summary>
public sealed partial class MailDispatcher<TStore>(
    TStore store,
    IMailTransport transport,
    MailProtector protector,
    EmailOptions options,
    TimeProvider clock,
    ILogger<MailDispatcher<TStore>> logger) : PollingLoop(clock, logger)
    where TStore : IMailOutboxStore
{
    private const int BatchSize = 20;

    // A short first retry (a test, a local relay) is honoured without waiting the usual 15 s.
    protected override TimeSpan Interval => options.FirstRetry < TimeSpan.FromSeconds(15) ? options.FirstRetry : TimeSpan.FromSeconds(15);

    protected override WorkSignal Wake => store.MailSignal;

    protected override async Task<LoopStep> RunStepAsync(CancellationToken cancellationToken) =>
        await SendDueAsync(cancellationToken) == BatchSize ? LoopStep.MoreWaiting : LoopStep.Idle;

    /// <summary>One round: every due mail of a batch tried once. Returns how many were due.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.DueMailAsync(Clock.GetUtcNow(), BatchSize, cancellationToken);
        foreach (var queued in due)
        {
            await SendAsync(queued, cancellationToken);
        }

        return due.Count;
    }

    private async Task SendAsync(QueuedMail queued, CancellationToken cancellationToken)
    {
        try
        {
            var mail = protector.Read(queued);
            await transport.SendAsync(MailMessageFactory.Build(mail, options, Clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failures = queued.Failures + 1;
            var wait = MailRetry.After(failures, options.FirstRetry, options.LongestRetry);
            await store.MailFailedAsync(queued.Id, failures, Clock.GetUtcNow() + wait, cancellationToken);
            LogFailed(Logger, queued.Id, failures, Describe(ex), wait);
            return;
        }

        await store.MailSentAsync(queued.Id, Clock.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>What went wrong, without the server's text: an SMTP reply may quote the recipient.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode})",
        SmtpProtocolException => "SMTP protocol error",
        ServiceNotConnectedException or System.Net.Sockets.SocketException => "server unreachable",
        IOException => "connection lost",
        TimeoutException or OperationCanceledException => "timed out",
        _ => exception.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} was not sent (attempt {Failures}: {Reason}); the next try is in {RetryIn}")]
    private static partial void LogFailed(ILogger logger, Guid mailId, int failures, string reason, TimeSpan retryIn);
}
