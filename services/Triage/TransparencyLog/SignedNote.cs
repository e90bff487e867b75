using System.Buffers.Binary;

namespace SafetyReports.Triage.TransparencyLog;

/// <summary>Reading a signed note (C2SP <c>signed-note</c>): its text, and whether one of the given keys signed it.</summary>
public static class SignedNote
{
    /// <summary>Every signature line starts with an em dash and a space.</summary>
    public const string SignaturePrefix = "\u2014 ";

    /// <summary>The note's text (up to and including the line feed before the blank line), or null when the note is malformed.</summary>
    public static string? Text(string note)
    {
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        return split < 0 || !note.EndsWith('\n') ? null : note[..(split + 1)];
    }

    /// <summary>The keys among <paramref name="keys"/> with a valid signature on <paramref name="note"/>.</summary>
    public static IReadOnlyList<NoteVerifierKey> VerifiedBy(string note, IEnumerable<NoteVerifierKey> keys)
    {
        var text = Text(note);
        if (text is null)
        {
            return [];
        }

        var message = Encoding.UTF8.GetBytes(text);
        var verified = new List<NoteVerifierKey>();
        var lines = note[(text.Length + 1)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal) || line[SignaturePrefix.Length..].Split(' ') is not [var name, var encoded])
            {
                return [];
            }

            var bytes = NoteVerifierKey.Base64(encoded);
            if (bytes is not { Length: > 4 })
            {
                return [];
            }

            var keyHash = BinaryPrimitives.ReadUInt32BigEndian(bytes);
            foreach (var key in keys.Where(k => k.Name == name && k.KeyHash == keyHash))
            {
                if (key.Verify(message, bytes.AsSpan(4)) && !verified.Contains(key))
                {
                    verified.Add(key);
                }
            }
        }

        return verified;
    }
}
