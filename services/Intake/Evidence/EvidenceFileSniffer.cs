
namespace SafetyReports.Intake.Evidence;

/// <summary>
/// Decides an evidence file's type from its first bytes (images and audio) or from the whole content (text and
/// JSON logs). Anything that is none of the accepted types is null: the caller refuses it, naming the file.
/// </summary>
public static class EvidenceFileSniffer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static EvidenceFileType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return null;
        }

        return DetectBinary(content) ?? DetectText(content);
    }

    private static EvidenceFileType? DetectBinary(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith(PngSignature))
        {
            return EvidenceFileType.Png;
        }

        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return EvidenceFileType.Jpeg;
        }

        if (b.Length >= 12 && b.StartsWith("RIFF"u8))
        {
            var form = b.Slice(8, 4);
            return form.SequenceEqual("WEBP"u8) ? EvidenceFileType.WebP
                : form.SequenceEqual("WAVE"u8) ? EvidenceFileType.Wav
                : null;
        }

        if (b.StartsWith("OggS"u8))
        {
            return EvidenceFileType.Ogg;
        }

        // An MP3 starts with an ID3v2 tag or directly with an MPEG audio frame sync (11 bits set, layer III).
        if (b.StartsWith("ID3"u8) || (b.Length >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) == 0x02))
        {
            return EvidenceFileType.Mp3;
        }

        return null;
    }

    private static EvidenceFileType? DetectText(ReadOnlySpan<byte> content)
    {
        var body = content.StartsWith(Utf8ByteOrderMark) ? content[3..] : content;
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        if (HasBinaryControlCharacters(text))
        {
            return null;
        }

        if (IsJson(text))
        {
            return EvidenceFileType.Json;
        }

        return IsJsonLines(text) ? EvidenceFileType.JsonLines : EvidenceFileType.Text;
    }

    // Tabs, line breaks and form feeds occur in logs; NUL and the other C0 controls mean a binary file.
    private static bool HasBinaryControlCharacters(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsJson(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return false;
        }

        return Parses(trimmed.ToString());
    }

    private static bool IsJsonLines(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return lines.Count > 1 && lines.All(l => l[0] is '{' or '[' && Parses(l));
    }

    private static bool Parses(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
