using SafetyReports.Portal.Auth;
using SafetyReports.Portal.Reports;

namespace SafetyReports.UnitTests.Portal;

public class SafeLinkTests
{
    [Theory]
    [InlineData("https://huggingface.co/org/model")]
    [InlineData("http://example.org/a?b=c#d")]
    public void Absolute_http_urls_become_links(string text) => Assert.NotNull(SafeLink.HttpUrl(text));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example/x")]
    [InlineData("/portal/admin")]
    [InlineData("https://user:pass@example.org/")]
    [InlineData("https://example.org/a b")]
    [InlineData("https://example.org/\u0000")]
    [InlineData(" https://example.org/")]
    [InlineData("ftp://example.org/")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_stays_text(string? text) => Assert.Null(SafeLink.HttpUrl(text));

    [Fact]
    public void Very_long_urls_stay_text() => Assert.Null(SafeLink.HttpUrl("https://example.org/" + new string('a', SafeLink.MaxLength)));

    [Theory]
    [InlineData("/portal/reports/1?x=y", "/portal/reports/1?x=y")]
    [InlineData("/portal", "/portal")]
    [InlineData("/portal?q=a", "/portal?q=a")]
    [InlineData("/portalx", "/portal")]
    [InlineData("https://evil.example/portal", "/portal")]
    [InlineData("//evil.example/portal", "/portal")]
    [InlineData("/portal//evil.example", "/portal")]
    [InlineData("/portal/\\evil.example", "/portal")]
    [InlineData("/", "/portal")]
    [InlineData(null, "/portal")]
    public void Return_urls_stay_inside_the_portal(string? returnUrl, string expected) => Assert.Equal(expected, LocalReturnUrl.Sanitize(returnUrl));
}
