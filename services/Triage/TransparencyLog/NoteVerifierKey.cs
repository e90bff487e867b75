using System.Buffers.Binary;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// A signed-note verifier key (C2SP <c>signed-note</c>): <c>name+hash+base64(0x01 ‖ Ed25519 public key)</c>, where the
/// hash is the first four bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key) as eight hex digits. The hash names the key in
/// every signature line, so a verifier picks the right key without trying each.
/// </summary>
public sealed record NoteVerifierKey(string Name, uint KeyHash, byte[] PublicKey)
{
    public const byte Ed25519 = 0x01;

    public static NoteVerifierKey For(string name, byte[] publicKey) => new(name, ComputeKeyHash(name, publicKey), publicKey);

    public static uint ComputeKeyHash(string name, byte[] publicKey)
    {
        var digest = SHA256.HashData([.. Encoding.UTF8.GetBytes(name + "\n"), Ed25519, .. publicKey]);
        return BinaryPrimitives.ReadUInt32BigEndian(digest);
    }

    public override string ToString() =>
        $"{Name}+{KeyHash.ToString("x8", CultureInfo.InvariantCulture)}+{Convert.ToBase64String([Ed25519, .. PublicKey])}";

    /// <summary>Null unless <paramref name="text"/> is a well-formed Ed25519 verifier key whose hash matches its name and key.</summary>
    public static NoteVerifierKey? Parse(string? text)
    {
        var parts = text?.Trim().Split('+', 3);
        if (parts is not [var name, var hash, var key] || !NoteName.IsValid(name) || hash.Length != 8
            || !uint.TryParse(hash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyHash))
        {
            return null;
        }

        var bytes = Base64(key);
        if (bytes is not { Length: 33 } || bytes[0] != Ed25519)
        {
            return null;
        }

        var parsed = For(name, bytes[1..]);
        return parsed.KeyHash == keyHash ? parsed : null;
    }

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, PublicKey, KeyBlobFormat.RawPublicKey, out var key)
        && key is not null && SignatureAlgorithm.Ed25519.Verify(key, message, signature);

    internal static byte[]? Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>A key name of signed notes: non-empty, no space, no plus sign (C2SP signed-note).</summary>
public static class NoteName
{
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 200 && !name.Any(c => c == '+' || char.IsWhiteSpace(c) || char.IsControl(c));
}
