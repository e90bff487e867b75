namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// An event written in the same transaction as the state change it announces. Its id becomes the
/// message id on the bus, so a re-dispatch after a crash is recognisable downstream.
/// </summary>
/// <param name="TraceParent">The W3C trace context of the change, so the event continues the trace that caused it.</param>
public sealed record OutboxMessage(Guid Id, string MessageType, string Body, DateTimeOffset CreatedAt, string? TraceParent = null)
{
    public static OutboxMessage For<T>(T message, DateTimeOffset now) where T : class =>
        new(Guid.NewGuid(), typeof(T).FullName!, MessageSerialization.Serialize(message), now, System.Diagnostics.Activity.Current?.Id);
}
