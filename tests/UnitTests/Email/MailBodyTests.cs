using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.UnitTests.Email;

public class MailBodyTests
{
    private static MailBody Hostile() => new MailBody()
        .Paragraph("Hello <script>alert(1)</script> & \"you\",")
        .Quote("<img src=x onerror=alert(1)>\nline two")
        .Link("<b>open</b>", new Uri("https://example.org/status?link=a&b=\"c\""));

    [Fact]
    public void The_HTML_part_escapes_every_text_and_link()
    {
        var html = Hostile().ToHtml("en", "<title>");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<title><title>", html, StringComparison.Ordinal);
        Assert.Contains("Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;you&quot;,", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/status?link=a&amp;b=%22c%22\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_part_keeps_what_was_written_and_quotes_each_line()
    {
        var text = Hostile().ToText();

        Assert.Contains("Hello <script>alert(1)</script> & \"you\",", text, StringComparison.Ordinal);
        Assert.Contains("> <img src=x onerror=alert(1)>\n> line two", text, StringComparison.Ordinal);
        Assert.Contains("<b>open</b>:\nhttps://example.org/status?link=a&b=%22c%22", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("en", "ltr")]
    [InlineData("zh-Hans", "ltr")]
    public void Arabic_mails_are_laid_out_right_to_left(string language, string direction)
    {
        Assert.Contains($"<html lang=\"{language}\" dir=\"{direction}\">", new MailBody().Paragraph("x").ToHtml(language, "t"), StringComparison.Ordinal);
    }
}
