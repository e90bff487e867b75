using MassTransit;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Lets a consumer see only messages signed with the shared key. An unsigned or wrongly signed message is
/// not applied: it fails at once (no retry) and so moves to the endpoint's <c>_error</c> queue, where an
/// operator can inspect it and, after a key mix-up, move it back.
/// </summary>
public sealed partial class VerifyMessageSignatureFilter<T>(MessageSigner signer, ILogger<VerifyMessageSignatureFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var signature = context.Headers.Get<string>(MessageSigner.Header);
        if (context.MessageId is { } messageId
            && MessageSerialization.ReceivedMessageBytes(context.ReceiveContext.Body.GetBytes()) is { } received
            && signer.Verify(typeof(T).FullName!, messageId, received, signature))
        {
            return next.Send(context);
        }

        var problem = signature is null ? "missing" : "not valid";
        LogRefused(typeof(T).Name, context.MessageId, context.SourceAddress, problem);
        throw new MessageSignatureException($"The {typeof(T).Name} message {context.MessageId} has a {problem} signature.");
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("verifyMessageSignature");

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused {MessageType} {MessageId} from {SourceAddress}: its signature is {Problem}; it goes to the error queue unapplied")]
    private partial void LogRefused(string messageType, Guid? messageId, Uri? sourceAddress, string problem);
}

/// <summary>A consumed message whose signature is missing or wrong; never retried.</summary>
public sealed class MessageSignatureException(string message) : Exception(message);
