using System.Text.Json;
using SafetyReports.Contracts;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>How outbox rows hold contract messages, how the dispatcher turns them back into objects, and what a signature covers.</summary>
public static class MessageSerialization
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, Options);

    /// <summary>The canonical bytes of a message that its bus signature covers (<see cref="MessageSigner"/>).</summary>
    public static byte[] CanonicalBytes(object message, Type type) => JsonSerializer.SerializeToUtf8Bytes(message, type, Options);

    public static (object Message, Type Type) Deserialize(string messageType, string body)
    {
        var type = typeof(ReportSubmitted).Assembly.GetType(messageType, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox holds an unknown message type '{messageType}'.");
        var message = JsonSerializer.Deserialize(body, type, Options)
            ?? throw new InvalidOperationException($"Outbox holds an empty '{messageType}'.");
        return (message, type);
    }
}
