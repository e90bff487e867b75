using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.UnitTests.Email;

public class EmailOptionsValidatorTests
{
    private static bool Valid(EmailOptions options) => new EmailOptionsValidator().Validate(null, options).Succeeded;

    [Fact]
    public void The_defaults_are_valid_and_write_files()
    {
        Assert.True(Valid(new EmailOptions()));
        Assert.False(new EmailOptions().UsesSmtp);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("Name <a@b.example>")]
    [InlineData("a@b.example, c@d.example")]
    [InlineData("")]
    public void From_must_be_one_plain_address(string from)
    {
        Assert.False(Valid(new EmailOptions { From = from }));
    }

    [Fact]
    public void A_user_name_needs_a_password_and_a_port_must_be_real()
    {
        Assert.False(Valid(new EmailOptions { Smtp = new SmtpOptions { Host = "smtp.example", UserName = "u" } }));
        Assert.False(Valid(new EmailOptions { Smtp = new SmtpOptions { Host = "smtp.example", Port = 0 } }));
        Assert.True(Valid(new EmailOptions { Smtp = new SmtpOptions { Host = "smtp.example", UserName = "u", Password = "p", Security = SmtpSecurity.Tls, Port = 465 } }));
    }

    [Fact]
    public void Links_need_an_absolute_http_base_and_retries_a_positive_wait()
    {
        Assert.False(Valid(new EmailOptions { PublicBaseUrl = "/relative" }));
        Assert.False(Valid(new EmailOptions { PublicBaseUrl = "ftp://x.example/" }));
        Assert.False(Valid(new EmailOptions { FirstRetry = TimeSpan.Zero }));
        Assert.False(Valid(new EmailOptions { FirstRetry = TimeSpan.FromHours(2), LongestRetry = TimeSpan.FromHours(1) }));
        Assert.False(Valid(new EmailOptions { StatusLinkLifetime = TimeSpan.Zero }));
    }

    [Fact]
    public void Portal_links_go_under_the_portals_own_address_when_it_has_one()
    {
        var shared = new EmailOptions { PublicBaseUrl = "https://reports.example/" };
        Assert.Equal("https://reports.example/portal/host", shared.PortalLink("/portal/host").AbsoluteUri);

        var separate = new EmailOptions { PublicBaseUrl = "https://reports.example/", PortalBaseUrl = "https://portal.example" };
        Assert.True(Valid(separate));
        Assert.Equal("https://portal.example/portal/host", separate.PortalLink("portal/host").AbsoluteUri);
        Assert.Equal("https://reports.example/status", separate.Link("status").AbsoluteUri);
        Assert.False(Valid(new EmailOptions { PortalBaseUrl = "portal.example" }));
    }

    [Theory]
    [InlineData("reporter@example.org", true)]
    [InlineData("r.o-p+tag@sub.example.org", true)]
    [InlineData("no-at-sign", false)]
    [InlineData(" reporter@example.org", false)]
    [InlineData("a@b.example\r\nBcc: c@d.example", false)]
    public void An_address_is_one_plain_mailbox(string value, bool expected)
    {
        Assert.Equal(expected, MailboxAddressCheck.IsAddress(value));
    }
}
