namespace SafetyReports.ServiceDefaults.Text;

/// <summary>
/// Characters that take no space and show nothing: zero-width space (U+200B), zero-width non-joiner and
/// joiner (U+200C, U+200D), word joiner (U+2060), byte-order mark / zero-width no-break space (U+FEFF),
/// soft hyphen (U+00AD), Mongolian vowel separator (U+180E), the invisible operators (U+2061..U+2064) and
/// the tag characters (U+E0000..U+E007F, used to hide text from readers but not from machines).
/// In identifiers (a model's host and id, a URL, an e-mail address) they make names that look the same
/// and are not, so identifiers refuse them. Free text keeps them: the joiners are needed in Persian and
/// Indic scripts and in emoji sequences, and U+200B marks word breaks in Thai or Khmer.
/// </summary>
public static class InvisibleCharacters
{
    public static bool Contains(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (LengthAt(value, i) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <returns>The UTF-16 length of the invisible character at <paramref name="index"/>, or 0 when there is none.</returns>
    public static int LengthAt(string value, int index)
    {
        var c = value[index];
        if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E' or >= '\u2061' and <= '\u2064')
        {
            return 1;
        }

        // Tags are U+E0000..U+E007F: high surrogate U+DB40, low surrogate U+DC00..U+DC7F.
        return c == '\uDB40' && index + 1 < value.Length && value[index + 1] is >= '\uDC00' and <= '\uDC7F' ? 2 : 0;
    }
}
