namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// An event written in the same transaction as the state change it announces. Its id becomes the
/// message id on the bus, so a re-dispatch after a crash is recognisable downstream.
/// </summary>
/// <param name="TraceParent">The W3C trace context of the change, so the event continues the trace that caused it.</param>
public sealed record OutboxMessage(Guid Id, string MessageType, string Body, DateTimeOffset CreatedAt, string? TraceParent = null)
{
    /// <summary>The event as its own type says, so a list of different events (typed <c>object</c>) is written as what each one is.</summary>
    public static OutboxMessage For<T>(T message, DateTimeOffset now) where T : class =>
        new(Guid.NewGuid(), message.GetType().FullName!, MessageSerialization.Serialize<object>(message), now, System.Diagnostics.Activity.Current?.Id);
}
