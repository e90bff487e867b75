using FsCheck;
using FsCheck.Fluent;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class TextRulesTests
{
    // Not [InlineData]: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void Unpaired_surrogates_are_broken_text_and_forbidden_everywhere()
    {
        string[] broken = ["\uD800", "a\uDFFFb", "\uDC00\uD800", "x\uDBFF"];
        Assert.All(broken, value =>
        {
            Assert.True(TextRules.HasLoneSurrogate(value));
            Assert.True(TextRules.HasForbiddenCharacters(value, multiline: true));
        });
    }

    [Theory]
    [InlineData("\U0001F4A9 pile")]
    [InlineData("\uD83D\uDE00\uD83D\uDE00")]
    [InlineData("")]
    [InlineData("plain")]
    public void Surrogate_pairs_are_whole_characters(string value)
    {
        Assert.False(TextRules.HasLoneSurrogate(value));
        Assert.False(TextRules.HasForbiddenCharacters(value, multiline: false));
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200C")]
    [InlineData("\u200D")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    [InlineData("\u00AD")]
    [InlineData("\u2062")]
    [InlineData("\U000E0041")]
    public void Zero_width_and_tag_characters_are_invisible(string character)
    {
        Assert.True(InvisibleCharacters.Contains("org/mod" + character + "el"));
        Assert.True(TextRules.IsBlank(" " + character + " "));
    }

    [Theory]
    [InlineData("org/model")]
    [InlineData("\U0001F4A9")]
    [InlineData("\U000E0100")]
    [InlineData("Ιωάννης")]
    public void Visible_text_is_neither_invisible_nor_blank(string value)
    {
        Assert.False(InvisibleCharacters.Contains(value));
        Assert.False(TextRules.IsBlank(value));
    }

    [Fact]
    public void Joiners_in_free_text_are_not_forbidden()
    {
        // Persian "mi-khāham" needs a zero-width non-joiner; a family emoji is joined by ZWJ.
        Assert.False(TextRules.HasForbiddenCharacters("می\u200Cخواهم", multiline: false));
        Assert.False(TextRules.HasForbiddenCharacters("\U0001F468\u200D\U0001F469\u200D\U0001F467", multiline: false));
    }

    [Fact]
    public void Text_without_forbidden_characters_never_holds_an_unpaired_surrogate()
    {
        var pieces = Gen.Elements("a", "\uD800", "\uDC00", "\uDBFF", "\uDFFF", "\U0001F4A9", "\u200D", " ").ListOf().Select(p => string.Concat(p));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true), Prop.ForAll(pieces.ToArbitrary(), (string value) =>
        {
            if (!TextRules.HasForbiddenCharacters(value, multiline: true))
            {
                // A string without unpaired surrogates survives a UTF-8 round trip unchanged.
                Assert.Equal(value, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(value)));
            }
        }));
    }
}
