using Microsoft.Extensions.Configuration;
using SafetyReports.Portal;
using SafetyReports.Portal.Auth;
using SafetyReports.Portal.Pages.Portal.Admin;
using SafetyReports.Portal.Site;

namespace SafetyReports.UnitTests.Portal;

public class PortalOptionsTests
{
    private static PortalOptions Configured(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        new PortalOptionsSetup(configuration).PostConfigure(null, options);
        return options;
    }

    [Fact]
    public void The_authority_defaults_to_the_identity_issuer_and_the_apis_to_the_authority()
    {
        var options = Configured(new() { ["SafetyReports:Identity:Issuer"] = "http://localhost:5000/", ["SafetyReports:Portal:TriageApi"] = "http://triage:8080/" });
        Assert.Equal("http://localhost:5000/", options.Authority);
        Assert.Equal("http://localhost:5000/", options.IdentityApi);
        Assert.Equal("http://localhost:5000/", options.NotificationApi);
        Assert.Equal("http://triage:8080/", options.TriageApi);
        Assert.Equal("safetyreports-portal", options.ClientId);
    }

    [Fact]
    public void An_enabled_portal_needs_its_client_secret_and_says_which_key()
    {
        var result = new PortalOptionsValidator().Validate(null, Configured([]));
        Assert.True(result.Failed);
        Assert.Contains("SafetyReports:Portal:ClientSecret", result.FailureMessage);
        Assert.True(new PortalOptionsValidator().Validate(null, Configured(new() { ["SafetyReports:Portal:ClientSecret"] = PortalSecret })).Succeeded);
    }

    private const string PortalSecret = "a-portal-secret-of-some-length";

    [Theory]
    [InlineData("change-me")]
    [InlineData("short-secret")]
    public void A_placeholder_or_short_client_secret_is_refused_naming_the_key(string secret)
    {
        var result = new PortalOptionsValidator().Validate(null, Configured(new() { ["SafetyReports:Portal:ClientSecret"] = secret }));
        Assert.True(result.Failed);
        Assert.Contains("SafetyReports:Portal:ClientSecret is", result.FailureMessage);
        Assert.DoesNotContain(secret, result.FailureMessage);
    }

    [Fact]
    public void A_disabled_portal_needs_nothing() =>
        Assert.True(new PortalOptionsValidator().Validate(null, Configured(new() { ["SafetyReports:Portal:Enabled"] = "false" })).Succeeded);

    [Theory]
    [InlineData("Authority", "localhost:5100")]
    [InlineData("TriageApi", "ftp://triage/")]
    [InlineData("IdentityApi", "http://user:pw@identity/")]
    public void Urls_must_be_absolute_http_without_user_info(string key, string value)
    {
        var result = new PortalOptionsValidator().Validate(null, Configured(new()
        {
            ["SafetyReports:Portal:ClientSecret"] = PortalSecret,
            [$"SafetyReports:Portal:{key}"] = value,
        }));
        Assert.True(result.Failed);
        Assert.Contains($"SafetyReports:Portal:{key}", result.FailureMessage);
    }

    [Fact]
    public void Forms_may_lead_only_to_this_origin_and_the_authority()
    {
        var policy = PortalPageHeaders.ContentSecurityPolicyFor("https://id.example.org/tenant/");
        Assert.Contains("form-action 'self' https://id.example.org;", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("script-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public void The_access_token_is_refreshed_shortly_before_it_expires()
    {
        var now = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.False(AccessTokenLifetime.NeedsRefresh(AccessTokenLifetime.ExpiresAt(now, 3600), now));
        Assert.True(AccessTokenLifetime.NeedsRefresh(AccessTokenLifetime.ExpiresAt(now, 30), now));
        Assert.True(AccessTokenLifetime.NeedsRefresh(AccessTokenLifetime.ExpiresAt(now, -10), now));
        Assert.True(AccessTokenLifetime.NeedsRefresh(null, now));
        Assert.True(AccessTokenLifetime.NeedsRefresh("garbage", now));
    }

    [Fact]
    public void Subscription_patterns_are_one_per_line_or_comma()
    {
        Assert.Equal(["org/*", "other/model"], SubscriptionPatterns.Parse("org/*\r\n\r\n other/model ,org/*"));
        Assert.Empty(SubscriptionPatterns.Parse("  "));
    }
}
