namespace SafetyReports.Contracts;

/// <summary>
/// The rules for a model's file digests, the one source Intake, Triage and Notification check them by: each is
/// <c>sha256:</c> and 64 hex digits (a Hugging Face LFS object id or an Ollama blob digest with its prefix), read
/// case-insensitively and kept lower-case; a repeat is folded into the first; at most <see cref="MaxPerModel"/> given.
/// </summary>
public static class FileDigests
{
    public const string Prefix = "sha256:";
    public const int HexLength = 64;
    public const int MaxPerModel = 100;

    public const string FormatProblem = "Not a SHA-256 digest: write sha256: followed by 64 hexadecimal digits.";
    public static readonly string CountProblem = $"At most {MaxPerModel} digests.";

    /// <summary>One digest in its kept form (lower-case, trimmed), or null when it is not one.</summary>
    public static string? Normalize(string? value)
    {
        var text = value?.Trim();
        if (text is null || text.Length != Prefix.Length + HexLength || !text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var c in text.AsSpan(Prefix.Length))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return text.ToLowerInvariant();
    }

    /// <summary>
    /// Checks a list of digests: the errors name <paramref name="field"/> (too many) or <c>field[i]</c> (a bad entry);
    /// without errors, the digests in their kept form, repeats folded, in the order given.
    /// </summary>
    public static DigestCheck Check(IReadOnlyList<string?>? values, string field)
    {
        var errors = new Dictionary<string, string[]>();
        if (values is null || values.Count == 0)
        {
            return new DigestCheck([], errors);
        }

        if (values.Count > MaxPerModel)
        {
            errors[field] = [CountProblem];
            return new DigestCheck([], errors);
        }

        var kept = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if (Normalize(values[i]) is not { } digest)
            {
                errors[$"{field}[{i}]"] = [FormatProblem];
            }
            else if (!kept.Contains(digest))
            {
                kept.Add(digest);
            }
        }

        return new DigestCheck(errors.Count == 0 ? kept : [], errors);
    }

    /// <summary>The lines of a form's text field, blank lines left out: one digest a line.</summary>
    public static IReadOnlyList<string?> Lines(string? text) =>
        (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList<string?>();
}

/// <summary>The outcome of <see cref="FileDigests.Check"/>: the kept digests when <see cref="Errors"/> is empty.</summary>
public sealed record DigestCheck(IReadOnlyList<string> Digests, Dictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
