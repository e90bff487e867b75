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

    [Fact]
    public void Host_is_a_known_role()
    {
        Assert.Null(UserRules.CheckRoles(["host"]));
    }

    [Fact]
    public void A_host_user_has_the_host_role_alone_and_a_host_id()
    {
        Assert.Empty(UserRules.FindHostErrors(["host"], "hub-a"));
        Assert.Empty(UserRules.FindHostErrors(["triager", "admin"], null));

        Assert.Equal([UserRules.HostAlone], UserRules.FindHostErrors(["host", "admin"], "hub-a")["roles"]);
        Assert.Equal([UserRules.HostAlone], UserRules.FindHostErrors(["triager", "host"], "hub-a")["roles"]);
        Assert.StartsWith("A user with the 'host' role needs a hostId", UserRules.FindHostErrors(["host"], null)["hostId"].Single());
        Assert.StartsWith("A hostId is only for a user with the 'host' role", UserRules.FindHostErrors(["triager"], "hub-a")["hostId"].Single());
        Assert.StartsWith("A hostId is only for a user with the 'host' role", UserRules.FindHostErrors(["admin"], "")["hostId"].Single());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hub-A")]
    [InlineData("-hub")]
    [InlineData("hub a")]
    [InlineData("hub/a")]
    [InlineData("hub​a")]
    public void A_host_users_host_id_is_validated_as_a_host_clients(string hostId)
    {
        Assert.Equal([HostIdRule.Problem], UserRules.FindHostErrors(["host"], hostId)["hostId"]);
        Assert.Equal([HostIdRule.Problem], SafetyReports.Identity.Admin.MachineClientRules.FindErrors(new(ClientId: "c", Scopes: ["host"], HostId: hostId))["hostId"]);
    }

    [Fact]
    public void A_host_id_is_at_most_a_hundred_characters()
    {
        Assert.True(HostIdRule.IsValid(new string('a', 100)));
        Assert.False(HostIdRule.IsValid(new string('a', 101)));
    }

    [Fact]
    public void The_host_role_is_neither_added_to_nor_taken_from_an_existing_user()
    {
        Assert.Null(UserRules.CheckRoleChange(["triager"], ["admin", "triager"]));
        Assert.Null(UserRules.CheckRoleChange(["host"], ["host"]));
        Assert.Equal(UserRules.HostRoleFixed, UserRules.CheckRoleChange(["triager"], ["host"]));
        Assert.Equal(UserRules.HostRoleFixed, UserRules.CheckRoleChange(["host"], ["triager"]));
        Assert.Equal(UserRules.HostAlone, UserRules.CheckRoleChange(["host"], ["admin", "host"]));
    }
}
