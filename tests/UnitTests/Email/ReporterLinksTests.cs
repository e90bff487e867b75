using Microsoft.AspNetCore.DataProtection;
using SafetyReports.ServiceDefaults.Email;

namespace SafetyReports.UnitTests.Email;

public class ReporterLinksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly ReporterLinks _links = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void A_status_token_opens_its_report_until_it_expires_and_then_says_it_expired()
    {
        var id = Guid.NewGuid();
        var token = _links.StatusToken(id, Now.AddDays(14));

        Assert.Equal(new LinkReading(id, false), _links.ReadStatusToken(token, Now));
        Assert.Equal(new LinkReading(id, false), _links.ReadStatusToken(token, Now.AddDays(14).AddSeconds(-1)));
        Assert.Equal(new LinkReading(null, true), _links.ReadStatusToken(token, Now.AddDays(14)));
    }

    [Fact]
    public void A_tampered_or_foreign_token_opens_nothing()
    {
        var token = _links.StatusToken(Guid.NewGuid(), Now.AddDays(1));
        var otherRing = new ReporterLinks(new EphemeralDataProtectionProvider());

        Assert.Equal(LinkReading.Invalid, _links.ReadStatusToken(token[..^3] + "abc", Now));
        Assert.Equal(LinkReading.Invalid, otherRing.ReadStatusToken(token, Now));
        Assert.Equal(LinkReading.Invalid, _links.ReadStatusToken(null, Now));
        Assert.Equal(LinkReading.Invalid, _links.ReadStatusToken(new string('a', 2000), Now));
    }

    [Fact]
    public void A_status_token_is_not_an_unsubscribe_token_nor_the_other_way_round()
    {
        var id = Guid.NewGuid();

        Assert.Null(_links.ReadUnsubscribeToken(_links.StatusToken(id, Now.AddDays(1))));
        Assert.Equal(LinkReading.Invalid, _links.ReadStatusToken(_links.UnsubscribeToken(id), Now));
        Assert.Equal(id, _links.ReadUnsubscribeToken(_links.UnsubscribeToken(id)));
    }

    [Fact]
    public void A_token_does_not_show_the_report_id()
    {
        var id = Guid.NewGuid();

        Assert.DoesNotContain(id.ToString("N"), _links.StatusToken(id, Now), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(id.ToString("N"), _links.UnsubscribeToken(id), StringComparison.OrdinalIgnoreCase);
    }
}
