using FsCheck;
using FsCheck.Fluent;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>
/// Generators of text a hostile reporter would send: direction controls, zero-width characters, lone
/// surrogates, control characters, combining floods, markup, and strings far beyond every limit.
/// </summary>
public static class HostileText
{
    private static readonly string[] Pieces =
    [
        "", " ", "\t", "\r\n", "a", "Ordinary words", "org/model", "hate", "high", "https://example.org/x",
        "\u202E", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069", "\u200F", "\u061C",   // bidi overrides and isolates
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF",                                   // zero-width
        "\uD800", "\uDFFF", "\uDBFF\uD800", "\uDC00\uD800",                                 // lone and reversed surrogates
        "\u0000", "\u0007", "\u001B[31m", "\u0085", "\u2028", "\u2029", "\u007F",           // controls, line separators
        "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "\U0001F4A9", "\U000E0041",    // combining, astral, tags
        "<script>alert(1)</script>", "\"};", "' OR 1=1 --", "{{7*7}}", "${jndi:ldap://x}", "%00", "..\\..\\",
        "\uFFFD", "\uFFFF", "ı", "İ", "ß",
    ];

    /// <summary>Short hostile strings: a few pieces concatenated.</summary>
    public static Gen<string> Short { get; } =
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts.Take(6)));

    /// <summary>Strings beyond a limit: 201 to 300,000 characters of one piece repeated.</summary>
    public static Gen<string> Overlong { get; } =
        from piece in Gen.Elements("x", "\u202E", "\u200B", "\uD800", "e\u0301", "\U0001F4A9")
        from length in Gen.Elements(201, 255, 256, 20_001, 70_000, 300_000)
        select string.Concat(Enumerable.Repeat(piece, length / piece.Length + 1))[..length];

    /// <summary>Mostly short, sometimes overlong.</summary>
    public static Gen<string> Any { get; } = Gen.Frequency((9, Short), (1, Overlong));

    /// <summary>Header values: what HTTP can carry (no CR, LF or NUL), encoded as UTF-8 on the wire.</summary>
    public static Gen<string> HeaderValue { get; } =
        Gen.Frequency((9, Short), (1, Overlong.Select(s => s[..Math.Min(s.Length, 9_000)])))
            .Select(s => new string(s.Where(c => c is not ('\r' or '\n' or '\0')).ToArray()));

    /// <summary>Percent-escapes of invalid UTF-8 (overlong encodings, encoded surrogates, stray bytes).</summary>
    public static Gen<string> InvalidUtf8Escapes { get; } =
        Gen.Elements("%C0%AF", "%E0%80%AF", "%ED%A0%80", "%FF", "%80", "%F4%90%80%80", "%", "%G1");
}
