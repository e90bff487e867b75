using NSec.Cryptography;

namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// The log's Ed25519 signing key, kept as a signed-note private key (the format of Go's <c>golang.org/x/mod/sumdb/note</c>):
/// <c>PRIVATE+KEY+name+hash+base64(0x01 ‖ 32-byte seed)</c>. Ed25519 signatures are deterministic: every replica holding
/// the key signs the same checkpoint text with the same bytes.
/// </summary>
public sealed class NoteSigner : IDisposable
{
    private const string KeyPrefix = "PRIVATE+KEY+";
    private readonly Key _key;

    private NoteSigner(string name, Key key)
    {
        _key = key;
        Verifier = NoteVerifierKey.For(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public NoteVerifierKey Verifier { get; }

    public string Name => Verifier.Name;

    public static NoteSigner Generate(string name)
    {
        if (!NoteName.IsValid(name))
        {
            throw new ArgumentException("A key name has no spaces or plus signs.", nameof(name));
        }

        return new NoteSigner(name, Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));
    }

    /// <summary>The key file's text; null when it is not a signed-note Ed25519 private key.</summary>
    public static NoteSigner? Parse(string text)
    {
        text = text.Trim();
        if (!text.StartsWith(KeyPrefix, StringComparison.Ordinal)
            || text[KeyPrefix.Length..].Split('+', 3) is not [var name, var hash, var encoded]
            || !NoteName.IsValid(name))
        {
            return null;
        }

        var bytes = NoteVerifierKey.Base64(encoded);
        if (bytes is not { Length: 33 } || bytes[0] != NoteVerifierKey.Ed25519)
        {
            return null;
        }

        var key = Key.Import(SignatureAlgorithm.Ed25519, bytes.AsSpan(1), KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var signer = new NoteSigner(name, key);
        if (signer.Verifier.KeyHash.ToString("x8", CultureInfo.InvariantCulture) != hash.ToLowerInvariant())
        {
            signer.Dispose();
            return null;
        }

        return signer;
    }

    public string Export() =>
        $"{KeyPrefix}{Name}+{Verifier.KeyHash.ToString("x8", CultureInfo.InvariantCulture)}+{Convert.ToBase64String([NoteVerifierKey.Ed25519, .. _key.Export(KeyBlobFormat.RawPrivateKey)])}";

    /// <summary>The note: <paramref name="text"/> (ending in a line feed), a blank line, and this key's signature line.</summary>
    public string Sign(string text)
    {
        if (!text.EndsWith('\n'))
        {
            throw new ArgumentException("A note's text ends with a line feed.", nameof(text));
        }

        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(text));
        var keyHash = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(keyHash, Verifier.KeyHash);
        return $"{text}\n{SignedNote.SignaturePrefix}{Name} {Convert.ToBase64String([.. keyHash, .. signature])}\n";
    }

    public void Dispose() => _key.Dispose();
}
