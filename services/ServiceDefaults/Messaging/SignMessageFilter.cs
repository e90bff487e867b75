using System.Net.Mime;
using MassTransit;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Puts the <see cref="MessageSigner"/> signature on every message this process sends or publishes. The
/// signature is made when the message is serialized, not here: a publisher's own pipe (the outbox sets the
/// message id) runs after the configured filters, and the signature must cover the final id.
/// </summary>
public sealed class SignMessageFilter<T>(MessageSigner signer) : IFilter<SendContext<T>>, IFilter<PublishContext<T>>
    where T : class
{
    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        SignOnSerialization(context);
        return next.Send(context);
    }

    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        SignOnSerialization(context);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("signMessage");

    private void SignOnSerialization(SendContext context)
    {
        if (context.Serializer is not SigningSerializer)
        {
            context.Serializer = new SigningSerializer(context.Serializer, signer);
        }
    }

    /// <summary>Signs the message, as it is at that moment, just before the serializer it wraps writes it (headers included).</summary>
    private sealed class SigningSerializer(IMessageSerializer inner, MessageSigner signer) : IMessageSerializer
    {
        public ContentType ContentType => inner.ContentType;

        public MessageBody GetMessageBody<TMessage>(SendContext<TMessage> context)
            where TMessage : class
        {
            var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} has no message id to sign.");
            var body = MessageSerialization.SignedBytes(context.Message);
            context.Headers.Set(MessageSigner.Header, signer.Sign(typeof(TMessage).FullName!, messageId, body));
            return inner.GetMessageBody(context);
        }
    }
}
