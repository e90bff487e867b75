using SafetyReports.Identity.Users;

namespace SafetyReports.UnitTests.Identity;

public class UserRulesTests
{
    [Theory]
    [InlineData("someone@example.org")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    public void Plain_addresses_pass(string email)
    {
        Assert.Null(UserRules.CheckEmail(email));
    }

    [Theory]
    [InlineData(null, "An e-mail address is required.")]
    [InlineData(" ", "An e-mail address is required.")]
    [InlineData("no-at-sign", "Enter an e-mail address like name@example.org.")]
    [InlineData("Someone <someone@example.org>", "Enter an e-mail address like name@example.org.")]
    [InlineData(" someone@example.org", "Enter an e-mail address like name@example.org.")]
    [InlineData("someone@localhost", "Enter an e-mail address like name@example.org.")]
    [InlineData("some\u202Eone@example.org", "Enter an e-mail address like name@example.org.")]
    public void Anything_but_a_bare_address_is_refused(string? email, string expected)
    {
        Assert.Equal(expected, UserRules.CheckEmail(email));
    }

    [Fact]
    public void An_address_longer_than_254_characters_is_refused()
    {
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + ".example.org";
        Assert.True(email.Length > 254);
        Assert.Equal("The e-mail address must be at most 254 characters long.", UserRules.CheckEmail(email));
    }

    [Fact]
    public void Roles_must_be_known_and_at_least_one()
    {
        Assert.Null(UserRules.CheckRoles(["triager"]));
        Assert.Null(UserRules.CheckRoles(["admin", "triager", "admin"]));
        Assert.StartsWith("At least one role is required", UserRules.CheckRoles([]));
        Assert.StartsWith("At least one role is required", UserRules.CheckRoles(null));
        Assert.StartsWith("Unknown role(s) 'Admin', 'owner'", UserRules.CheckRoles(["Admin", "owner", "triager"]));
    }

    [Fact]
    public void Roles_are_stored_distinct_and_ordered()
    {
        Assert.Equal(["admin", "triager"], UserRules.Normalize(["triager", "admin", "triager"]));
    }
}
