using System.Collections.Immutable;
using OpenIddict.Abstractions;
using SafetyReports.Identity.Clients;
using SafetyReports.Identity.Configuration;

namespace SafetyReports.UnitTests.Identity;

public class ClientDescriptorTests
{
    [Fact]
    public void A_configured_client_becomes_a_confidential_client_credentials_application()
    {
        var descriptor = ClientDescriptor.From(new SeededClientOptions
        {
            ClientId = "hub",
            ClientSecret = "s",
            Scopes = ["host", "host"],
            HostId = "huggingface",
        });

        Assert.Equal("hub", descriptor.ClientId);
        Assert.Equal("s", descriptor.ClientSecret);
        Assert.Equal(OpenIddictConstants.ClientTypes.Confidential, descriptor.ClientType);
        Assert.Equal(["ept:token", "gt:client_credentials", "scp:host"], descriptor.Permissions.Order(StringComparer.Ordinal));

        var properties = descriptor.Properties.ToImmutableDictionary();
        Assert.Equal("huggingface", ClientProperties.ReadHostId(properties));
        Assert.True(ClientProperties.IsSeeded(properties));
    }

    [Fact]
    public void A_client_without_host_id_has_no_host_property()
    {
        var descriptor = ClientDescriptor.From(new SeededClientOptions { ClientId = "bot", ClientSecret = "s", Scopes = ["triage"] });

        Assert.Null(ClientProperties.ReadHostId(descriptor.Properties.ToImmutableDictionary()));
        Assert.Equal(["triage"], ClientProperties.GrantedScopes([.. descriptor.Permissions]));
    }

    [Fact]
    public void A_client_lifetime_becomes_the_applications_access_token_setting_and_is_absent_otherwise()
    {
        var shortLived = ClientDescriptor.From(new SeededClientOptions
        {
            ClientId = "short", ClientSecret = "s", Scopes = ["triage"], AccessTokenLifetime = TimeSpan.FromMinutes(5),
        });
        var usual = ClientDescriptor.From(new SeededClientOptions { ClientId = "usual", ClientSecret = "s", Scopes = ["triage"] });

        Assert.Equal("00:05:00", shortLived.Settings[OpenIddictConstants.Settings.TokenLifetimes.AccessToken]);
        Assert.Empty(usual.Settings);
    }
}
