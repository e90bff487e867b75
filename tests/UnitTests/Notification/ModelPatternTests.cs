using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
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
    [InlineData("org/***", "org/deep/model", true)]
    [InlineData("a*b**c", "axb/yc", true)]
    [InlineData("a*/b", "ax/y/b", false)]
    public void Matches_globs_over_model_ids(string pattern, string modelId, bool expected)
    {
        Assert.Equal(expected, ModelPattern.Matches(pattern, modelId));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("org /x", false)]
    [InlineData("org/*", true)]
    [InlineData("*a*a*a*a*a*a*a*b", true)]
    [InlineData("**a***a**a**a**a**a**a**b", true)]
    [InlineData("*a*a*a*a*a*a*a*a*b", false)]
    [InlineData("**a**a**a**a**a**a**a**a**b", false)]
    public void Validates_patterns_and_caps_their_wildcards(string pattern, bool valid) => Assert.Equal(valid, ModelPattern.IsValid(pattern));

    // Short enough for the exponential reference; a small alphabet so that matches are frequent.
    private static readonly Gen<string> Pattern =
        Gen.Choose(0, 9).SelectMany(n => Gen.Elements("a", "b", "/", "*", "**", "***", "-").ListOf(n)).Select(parts => string.Concat(parts));

    private static readonly Gen<string> ModelId =
        Gen.Choose(0, 14).SelectMany(n => Gen.Elements('a', 'b', 'A', '/', '-').ArrayOf(n)).Select(chars => new string(chars));

    [Fact]
    public void Matches_exactly_as_the_plain_recursive_definition()
    {
        var cases = Config.QuickThrowOnFailure.WithMaxTest(5_000).WithQuietOnSuccess(true);
        Check.One(cases, Prop.ForAll(Pattern.ToArbitrary(), ModelId.ToArbitrary(), (string pattern, string modelId) =>
            Assert.Equal(ReferenceMatch(pattern.ToLowerInvariant(), modelId.ToLowerInvariant()), ModelPattern.Matches(pattern, modelId))));
    }

    /// <summary>The glob's definition, exponential in the number of stars: only for short inputs.</summary>
    private static bool ReferenceMatch(string pattern, string text)
    {
        if (pattern.StartsWith("**", StringComparison.Ordinal))
        {
            return Enumerable.Range(0, text.Length + 1).Any(end => ReferenceMatch(pattern[2..], text[end..]));
        }

        if (pattern.StartsWith('*'))
        {
            return Enumerable.Range(0, text.Length + 1).TakeWhile(end => !text[..end].Contains('/')).Any(end => ReferenceMatch(pattern[1..], text[end..]));
        }

        return pattern.Length == 0 ? text.Length == 0 : text.Length > 0 && pattern[0] == text[0] && ReferenceMatch(pattern[1..], text[1..]);
    }

    [Fact]
    public async Task The_worst_patterns_on_the_longest_model_ids_match_in_well_under_a_second()
    {
        // Stored before the cap or sent to Matches directly: time must not grow with the stars.
        var patterns = new[]
        {
            string.Concat(Enumerable.Repeat("*a", ModelPattern.MaxLength / 2 - 1)) + "b",
            string.Concat(Enumerable.Repeat("**a", ModelPattern.MaxLength / 3 - 1)) + "b",
            "*a*a*a*a*a*a*a*a*b",
        };
        var modelIds = new[] { new string('a', 200), new string('a', 60), string.Join('/', Enumerable.Repeat("aaaa", 40)) };

        var clock = Stopwatch.StartNew();
        var work = Task.Run(() =>
        {
            foreach (var pattern in patterns)
            {
                foreach (var modelId in modelIds)
                {
                    Assert.False(ModelPattern.Matches(pattern, modelId));
                }
            }
        }, TestContext.Current.CancellationToken);

        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.True(finished == work, "matching did not finish within 10 s");
        await work;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"nine worst-case matches took {clock.Elapsed}");
    }
}
