using System.Security.Cryptography;
using System.Text;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class ConfiguredSecretTests
{
    [Theory]
    [InlineData("change-me")]
    [InlineData("ChangeMe-Admin-1")]
    [InlineData("please-CHANGE_ME-0123456789")]
    [InlineData("replace-me-with-a-real-secret")]
    [InlineData("set it in .env, not here")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abababababababababababababababab")]
    public void Placeholders_are_refused_whatever_their_length(string value)
    {
        var problem = ConfiguredSecret.Problem("Some:Key", value);
        Assert.StartsWith("Some:Key is a placeholder", problem);
        Assert.DoesNotContain(value, problem);
    }

    [Fact]
    public void Short_secrets_are_refused_and_the_message_says_how_to_make_one()
    {
        var problem = ConfiguredSecret.Problem("Some:Key", "k7#pQ2-x9Lm");
        Assert.Equal("Some:Key is too short: at least 16 characters; generate one, e.g. `openssl rand -base64 32`.", problem);
        Assert.Null(ConfiguredSecret.Problem("Some:Key", "k7#pQ2-x9Lm", minimumLength: 8));
    }

    [Fact]
    public void Random_secrets_pass_and_a_missing_one_is_left_to_the_caller()
    {
        Assert.Null(ConfiguredSecret.Problem("Some:Key", SecretHasher.NewToken()));
        Assert.Null(ConfiguredSecret.Problem("Some:Key", "triager-secret-0123456789"));
        Assert.Null(ConfiguredSecret.Problem("Some:Key", null));
        Assert.Null(ConfiguredSecret.KeyProblem("Some:Key", RandomNumberGenerator.GetBytes(32)));
        Assert.StartsWith("Some:Key is a placeholder", ConfiguredSecret.KeyProblem("Some:Key", Encoding.ASCII.GetBytes("change-me-change-me-change-me-change-me")));
    }
}
