using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class SupportedLanguagesTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("EN-gb", "en")]
    [InlineData("fr-CA", "fr")]
    [InlineData("de-AT", "de")]
    [InlineData("es-419", "es")]
    [InlineData("ar-EG", "ar")]
    [InlineData("zh", "zh-Hans")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-hans-CN", "zh-Hans")]
    [InlineData(" zh-Hans ", "zh-Hans")]
    public void A_supported_language_or_a_regional_variant_matches_its_tag(string requested, string expected) =>
        Assert.Equal(expected, SupportedLanguages.Match(requested));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("pt-BR")]
    [InlineData("zh-Hant")]
    [InlineData("zh-TW")]
    [InlineData("english")]
    public void Anything_else_matches_nothing(string? requested) =>
        Assert.Null(SupportedLanguages.Match(requested));

    [Fact]
    public void Only_Arabic_is_written_right_to_left() =>
        Assert.Equal(["ar"], SupportedLanguages.Tags.Where(SupportedLanguages.IsRightToLeft));
}
