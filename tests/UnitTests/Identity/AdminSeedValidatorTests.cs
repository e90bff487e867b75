using SafetyReports.Identity.Configuration;

namespace SafetyReports.UnitTests.Identity;

public class AdminSeedValidatorTests
{
    [Fact]
    public void No_admin_configured_is_fine()
    {
        Assert.Empty(AdminSeedValidator.FindErrors(new AdminSeedOptions()));
        Assert.True(new AdminSeedValidator().Validate(null, new IdentityServiceOptions()).Succeeded);
    }

    [Fact]
    public void A_well_formed_admin_passes()
    {
        Assert.Empty(AdminSeedValidator.FindErrors(new AdminSeedOptions { Email = "admin@example.org", Password = "a long enough secret" }));
    }

    [Fact]
    public void A_too_short_password_names_the_key_and_never_the_password()
    {
        const string password = "short-pw";
        var result = new AdminSeedValidator().Validate(null, new IdentityServiceOptions
        {
            Admin = new AdminSeedOptions { Email = "admin@example.org", Password = password },
        });

        Assert.True(result.Failed);
        var error = Assert.Single(result.Failures!);
        Assert.Equal("SafetyReports:Identity:Admin:Password is too weak: The password must be at least 12 characters long.", error);
        Assert.DoesNotContain(password, result.FailureMessage);
    }

    [Fact]
    public void The_placeholder_password_compose_shipped_is_refused_naming_the_key()
    {
        const string password = "ChangeMe-Admin-1";
        var error = Assert.Single(AdminSeedValidator.FindErrors(new AdminSeedOptions { Email = "admin@example.org", Password = password }));
        Assert.StartsWith("SafetyReports:Identity:Admin:Password is a placeholder", error);
        Assert.DoesNotContain(password, error);
    }

    [Fact]
    public void A_password_without_an_email_or_the_email_as_password_is_refused()
    {
        Assert.Equal(
            ["SafetyReports:Identity:Admin:Email: An e-mail address is required."],
            AdminSeedValidator.FindErrors(new AdminSeedOptions { Password = "a long enough secret" }));
        Assert.Equal(
            ["SafetyReports:Identity:Admin:Password is too weak: The password must not be the e-mail address."],
            AdminSeedValidator.FindErrors(new AdminSeedOptions { Email = "administrator@example.org", Password = "administrator@example.org" }));
        Assert.Equal(
            ["SafetyReports:Identity:Admin:Password is too weak: A password is required."],
            AdminSeedValidator.FindErrors(new AdminSeedOptions { Email = "admin@example.org" }));
    }
}
