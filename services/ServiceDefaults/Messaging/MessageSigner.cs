using System.Buffers.Binary;
using System.Text;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Signs bus messages with a shared HMAC-SHA256 key and checks their signatures. A signature covers the
/// message type, the message id and the message's canonical JSON, so none can be changed, and no signed
/// body can be passed off as another type or id, without the key. Signs with one key; accepts that key's
/// signatures and those of the accepted (rotation) keys.
/// </summary>
public sealed class MessageSigner
{
    /// <summary>The message header that carries the signature.</summary>
    public const string Header = "SafetyReports-Signature";

    public const int MinimumKeyBytes = 32;

    private const string Prefix = "v1:";
    private readonly byte[] _signingKey;
    private readonly IReadOnlyList<byte[]> _acceptedKeys;

    public MessageSigner(byte[] signingKey, IReadOnlyList<byte[]>? acceptedKeys = null)
    {
        if (signingKey.Length < MinimumKeyBytes || acceptedKeys?.Any(k => k.Length < MinimumKeyBytes) == true)
        {
            throw new ArgumentException($"A message signing key has at least {MinimumKeyBytes} bytes.");
        }

        _signingKey = signingKey;
        _acceptedKeys = [signingKey, .. acceptedKeys ?? []];
    }

    /// <returns>The signer, or null with errors that name the setting to fix.</returns>
    public static (MessageSigner? Signer, IReadOnlyList<string> Errors) From(BusOptions options)
    {
        var errors = new List<string>();
        var section = BusOptions.Section;
        string? encoded = options.SigningKey;
        if (!string.IsNullOrWhiteSpace(options.SigningKeyFile))
        {
            if (!string.IsNullOrWhiteSpace(encoded))
            {
                errors.Add($"Set either {section}:SigningKey or {section}:SigningKeyFile, not both.");
            }
            else if (!File.Exists(options.SigningKeyFile))
            {
                errors.Add($"{section}:SigningKeyFile '{options.SigningKeyFile}' does not exist.");
            }
            else
            {
                encoded = File.ReadAllText(options.SigningKeyFile);
            }
        }

        if (string.IsNullOrWhiteSpace(encoded) && errors.Count == 0)
        {
            errors.Add($"{section}:SigningKey (or {section}:SigningKeyFile) is required with RabbitMQ: every message is signed with it "
                + $"and every service must share it. Generate one with `openssl rand -base64 32`.");
        }

        var signingKey = encoded is null ? null : ParseKey(encoded, $"{section}:SigningKey", errors);
        var accepted = options.AcceptedSigningKeys
            .Select((key, i) => ParseKey(key, $"{section}:AcceptedSigningKeys:{i}", errors))
            .OfType<byte[]>()
            .ToList();
        return errors.Count > 0 || signingKey is null ? (null, errors) : (new MessageSigner(signingKey, accepted), errors);
    }

    public string Sign(string messageType, Guid messageId, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToBase64String(Mac(_signingKey, messageType, messageId, body));

    /// <summary>True when <paramref name="signature"/> was made by one of the accepted keys over exactly these values.</summary>
    public bool Verify(string messageType, Guid messageId, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var presented = new byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signature[Prefix.Length..], presented, out var written) || written != presented.Length)
        {
            return false;
        }

        var valid = false;
        foreach (var key in _acceptedKeys)
        {
            // Every key is tried, so the time taken does not tell which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(Mac(key, messageType, messageId, body), presented);
        }

        return valid;
    }

    private static byte[] Mac(byte[] key, string messageType, Guid messageId, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        var type = Encoding.UTF8.GetBytes(messageType);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, type.Length);
        hmac.AppendData(length);
        hmac.AppendData(type);
        Span<byte> id = stackalloc byte[16];
        messageId.TryWriteBytes(id, bigEndian: true, out _);
        hmac.AppendData(id);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static byte[]? ParseKey(string encoded, string setting, List<string> errors)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(encoded.Trim());
        }
        catch (FormatException)
        {
            errors.Add($"{setting} is not base64.");
            return null;
        }

        if (key.Length < MinimumKeyBytes)
        {
            errors.Add($"{setting} has {key.Length} bytes; a message signing key needs at least {MinimumKeyBytes} (`openssl rand -base64 32`).");
            return null;
        }

        if (ConfiguredSecret.KeyProblem(setting, key) is { } placeholder)
        {
            errors.Add(placeholder);
            return null;
        }

        return key;
    }
}
