using System.Text.RegularExpressions;
using System.Xml.Linq;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.UnitTests.Text;

/// <summary>
/// Every string resource under services/ exists in every supported language: each English base file
/// (<c>Name.resx</c>) has a <c>Name.{tag}.resx</c> for every other tag of <see cref="SupportedLanguages"/>, with
/// exactly its keys, the same placeholders in every value, and no empty value.
/// </summary>
public partial class ResourceCompletenessTests
{
    /// <summary>Base files that stay English by design, relative to the repository root.</summary>
    private static readonly Dictionary<string, string> EnglishOnly = new(StringComparer.Ordinal)
    {
        ["services/Portal/Resources/PortalText.resx"] = "the maintainers' portal is English only",
    };

    private static readonly string Root = RepositoryRoot();

    // {0}, {1:N0}, {name}: whatever string.Format or a template fills in.
    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Every_resource_is_translated_into_every_supported_language_with_the_same_keys_and_placeholders()
    {
        var bases = BaseFiles().Where(f => !EnglishOnly.ContainsKey(Relative(f))).ToList();
        Assert.Contains(bases, f => f.EndsWith("IntakeText.resx", StringComparison.Ordinal));

        var problems = new List<string>();
        foreach (var basePath in bases)
        {
            var english = Strings(basePath);
            problems.AddRange(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{Relative(basePath)}: {e.Key} is empty"));
            foreach (var tag in SupportedLanguages.Tags.Where(t => t != SupportedLanguages.Default))
            {
                var path = TranslationPath(basePath, tag);
                if (!File.Exists(path))
                {
                    problems.Add($"{Relative(path)} is missing");
                    continue;
                }

                problems.AddRange(Compare(english, Strings(path)).Select(p => $"{Relative(path)}: {p}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_translation_exists_for_a_language_that_is_not_supported_or_a_base_that_stays_English()
    {
        var strays = Directory.EnumerateFiles(Path.Combine(Root, "services"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Select(f => (Path: f, Culture: CultureSuffix(f)))
            .Where(f => f.Culture is not null
                && (!SupportedLanguages.Tags.Contains(f.Culture) || f.Culture == SupportedLanguages.Default
                    || EnglishOnly.ContainsKey(Relative(BasePathOf(f.Path, f.Culture)))))
            .Select(f => Relative(f.Path))
            .ToList();

        Assert.Empty(strays);
    }

    [Fact]
    public void Every_English_only_base_still_exists()
    {
        Assert.All(EnglishOnly.Keys, relative => Assert.True(File.Exists(Path.Combine(Root, relative)), relative));
    }

    [Fact]
    public void The_comparison_finds_a_missing_key_an_extra_key_a_changed_placeholder_and_an_empty_value()
    {
        var english = new Dictionary<string, string>
        {
            ["Kept"] = "Wait {0} seconds",
            ["Named"] = "Hello {name}",
            ["Dropped"] = "Gone",
            ["Blank"] = "Something",
        };
        var translated = new Dictionary<string, string>
        {
            ["Kept"] = "Attendez {1} secondes",
            ["Named"] = "Bonjour {name}",
            ["Blank"] = " ",
            ["Added"] = "Nouveau",
        };

        var problems = Compare(english, translated).ToList();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("Dropped") && p.Contains("missing"));
        Assert.Contains(problems, p => p.Contains("Added") && p.Contains("not in the English"));
        Assert.Contains(problems, p => p.Contains("Kept") && p.Contains("{0}") && p.Contains("{1}"));
        Assert.Contains(problems, p => p.Contains("Blank") && p.Contains("empty"));
    }

    private static IEnumerable<string> Compare(IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> translated)
    {
        foreach (var (key, value) in english)
        {
            if (!translated.TryGetValue(key, out var translation))
            {
                yield return $"{key} is missing";
                continue;
            }

            if (string.IsNullOrWhiteSpace(translation))
            {
                yield return $"{key} is empty";
                continue;
            }

            var expected = Placeholders(value);
            var actual = Placeholders(translation);
            if (!expected.SetEquals(actual))
            {
                yield return $"{key} has placeholders [{string.Join(", ", actual.Order())}], the English [{string.Join(", ", expected.Order())}]";
            }
        }

        foreach (var key in translated.Keys.Where(k => !english.ContainsKey(k)))
        {
            yield return $"{key} is not in the English file";
        }
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> Strings(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .Where(d => d.Attribute("type") is null && d.Attribute("mimetype") is null)
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static IEnumerable<string> BaseFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "services"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f) && CultureSuffix(f) is null)
            .Order(StringComparer.Ordinal);

    /// <summary>The culture of <c>Name.{culture}.resx</c>, or null for a base file.</summary>
    private static string? CultureSuffix(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var dot = stem.LastIndexOf('.');
        return dot < 0 ? null : stem[(dot + 1)..];
    }

    private static string TranslationPath(string basePath, string tag) =>
        Path.Combine(Path.GetDirectoryName(basePath)!, $"{Path.GetFileNameWithoutExtension(basePath)}.{tag}.resx");

    private static string BasePathOf(string translationPath, string culture) =>
        translationPath[..^($".{culture}.resx".Length)] + ".resx";

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SafetyReports.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SafetyReports.sln not found above the test output.");
    }
}
