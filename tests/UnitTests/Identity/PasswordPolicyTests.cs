using SafetyReports.Identity.Users;

namespace SafetyReports.UnitTests.Identity;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("twelve chars")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("correct horse battery staple")]
    public void Twelve_characters_of_anything_pass_without_composition_rules(string password)
    {
        Assert.Empty(PasswordPolicy.Check(password, "someone@example.org"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_password_is_refused(string? password)
    {
        Assert.Equal(["A password is required."], PasswordPolicy.Check(password, "someone@example.org"));
    }

    [Fact]
    public void Eleven_characters_are_too_short()
    {
        Assert.Equal(["The password must be at least 12 characters long."], PasswordPolicy.Check("elevenchars", null));
    }

    [Fact]
    public void More_than_256_characters_are_refused()
    {
        Assert.Empty(PasswordPolicy.Check(new string('x', 256), null));
        Assert.Equal(["The password must be at most 256 characters long."], PasswordPolicy.Check(new string('x', 257), null));
    }

    [Theory]
    [InlineData("long.name@example.org")]
    [InlineData("LONG.NAME@EXAMPLE.ORG")]
    [InlineData(" long.name@example.org ")]
    public void The_email_itself_is_refused_in_any_case(string password)
    {
        Assert.Equal(["The password must not be the e-mail address."], PasswordPolicy.Check(password, "long.name@example.org"));
    }

    [Fact]
    public void A_short_password_equal_to_a_short_email_gets_both_errors()
    {
        Assert.Equal(2, PasswordPolicy.Check("a@b.io", "a@b.io").Count);
    }
}
