using SafetyReports.Contracts;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>How outbox rows hold contract messages, how the dispatcher turns them back into objects, and what a signature covers.</summary>
public static class MessageSerialization
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, Options);

    /// <summary>
    /// The bytes a bus signature covers (<see cref="MessageSigner"/>): the message as MassTransit writes it into
    /// the envelope's <c>message</c> element, in compact form. A receiver checks that element as it arrived
    /// (<see cref="ReceivedMessageBytes"/>), not its own re-serialization, so a field added by a newer sender or
    /// missing from an older one does not break the signature.
    /// </summary>
    public static byte[] SignedBytes(object message)
    {
        var written = JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), MassTransit.Serialization.SystemTextJsonMessageSerializer.Options);
        using var document = JsonDocument.Parse(written);
        return Compact(document.RootElement);
    }

    /// <summary>The envelope's <c>message</c> element as it was received, in compact form; null when the body is no envelope.</summary>
    public static byte[]? ReceivedMessageBytes(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            if (envelope.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            // Exactly one: with two, the one checked here and the one MassTransit deserializes (case-insensitively,
            // the last one winning) could differ.
            var messages = envelope.RootElement.EnumerateObject()
                .Where(p => string.Equals(p.Name, "message", StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Value)
                .ToList();
            return messages is [{ ValueKind: JsonValueKind.Object } message] ? Compact(message) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The element without insignificant whitespace (the envelope is indented, and nests the message deeper).</summary>
    private static byte[] Compact(JsonElement element)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The message an outbox row holds, or false with why it cannot be read back: a type this version does not know, a body
    /// that is not that type's JSON, or an empty one. Such a row can never be published, however often it is tried.
    /// </summary>
    public static bool TryDeserialize(string messageType, string body, out object message, out Type type, out string unreadable)
    {
        (message, type, unreadable) = (null!, null!, "");
        var known = typeof(ReportSubmitted).Assembly.GetType(messageType, throwOnError: false);
        if (known is null)
        {
            unreadable = $"Unknown message type '{messageType}'.";
            return false;
        }

        try
        {
            var read = JsonSerializer.Deserialize(body, known, Options);
            if (read is null)
            {
                unreadable = $"Empty '{messageType}'.";
                return false;
            }

            (message, type) = (read, known);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            unreadable = $"The body is not a '{messageType}': {ex.GetType().Name}: {ex.Message}";
            return false;
        }
    }
}
