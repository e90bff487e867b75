using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class ModelPatternTests
{
    [Theory]
    [InlineData("org/*", "org/model", true)]
    [InlineData("org/*", "ORG/Model", true)]
    [InlineData("org/*", "other/model", false)]
    [InlineData("org/*", "org/deep/model", false)]
    [InlineData("org/**", "org/deep/model", true)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData("*/llama-*", "meta/llama-3", true)]
    [InlineData("*/llama-*", "meta/mistral", false)]
    [InlineData("org/model", "org/model", true)]
    [InlineData("org/model", "org/model2", false)]
    [InlineData("org/mod*l", "org/model", true)]
    public void Matches_globs_over_model_ids(string pattern, string modelId, bool expected)
    {
        Assert.Equal(expected, ModelPattern.Matches(pattern, modelId));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("org /x", false)]
    [InlineData("org/*", true)]
    public void Validates_patterns(string pattern, bool valid) => Assert.Equal(valid, ModelPattern.IsValid(pattern));
}
