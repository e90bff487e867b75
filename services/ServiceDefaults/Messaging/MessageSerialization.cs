using System.Text.Json;
using SafetyReports.Contracts;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>How outbox rows hold contract messages, and how the dispatcher turns them back into objects.</summary>
public static class MessageSerialization
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, Options);

    public static (object Message, Type Type) Deserialize(string messageType, string body)
    {
        var type = typeof(ReportSubmitted).Assembly.GetType(messageType, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox holds an unknown message type '{messageType}'.");
        var message = JsonSerializer.Deserialize(body, type, Options)
            ?? throw new InvalidOperationException($"Outbox holds an empty '{messageType}'.");
        return (message, type);
    }
}
