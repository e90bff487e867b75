using SafetyReports.Portal.Pages.Portal.Admin;

namespace SafetyReports.UnitTests.Portal;

public class NoticeBannerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Nothing_disabled_automatically_shows_no_banner(int count) => Assert.Null(NoticeBanner.For(count));

    [Theory]
    [InlineData(1, "NoticeBanner_One")]
    [InlineData(2, "NoticeBanner_Many")]
    [InlineData(250, "NoticeBanner_Many")]
    public void The_banner_counts_the_subscriptions(int count, string key) =>
        Assert.Equal(new NoticeBanner(key, count), NoticeBanner.For(count));
}
