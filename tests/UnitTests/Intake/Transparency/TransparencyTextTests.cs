using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SafetyReports.Intake.Transparency;

namespace SafetyReports.UnitTests.Intake.Transparency;

/// <summary>Every string the transparency pages ask for exists in Resources/Transparency/TransparencyText.resx.</summary>
public partial class TransparencyTextTests
{
    private static readonly IStringLocalizer Text =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(TransparencyText));

    [GeneratedRegex("""\bL\[\s*"([A-Za-z0-9_]+)"\s*[\],]""")]
    private static partial Regex LiteralKey();

    [Fact]
    public void Every_key_the_pages_use_has_a_string()
    {
        var pages = Path.Combine(RepositoryRoot(), "services", "Intake", "Pages", "IntakeSite", "Transparency");
        var literal = Directory.EnumerateFiles(pages, "*.cshtml")
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.True(literal.Count > 40, $"found only {literal.Count} keys: is the pattern still right?");

        // Keys the pages build from values.
        var built = Milestone.All.Select(m => $"Milestone_{m}").Concat(["Error_NotAMonth_from", "Error_NotAMonth_to"])
            .Concat(new[] { "not_reachable", "no_acknowledgement_no_response", "acknowledged_no_response", "responded_after_deadline" }.Select(s => $"Silence_{s}"));

        Assert.Empty(literal.Concat(built).Where(k => Text[k].ResourceNotFound).Order());
    }

    [Fact]
    public void Cell_words_never_say_zero_for_a_withheld_figure()
    {
        var words = new CellWords(new TypedText(Text), threshold: 5);

        Assert.Equal("fewer than 5", words.Of(FigureCell.Total(null)));
        Assert.Equal("withheld", words.Of(FigureCell.Part(null)));
        Assert.Equal("0", words.Of(FigureCell.Part(0)));
        Assert.Equal("none", words.Of(new FigureCell(CellKind.None, 0)));
        Assert.Equal("1,234", words.Of(FigureCell.Total(1234)));
        Assert.Equal("withheld", words.Of(new SummedCell(0, 2)));
        Assert.Equal("12 + withheld", words.Of(new SummedCell(12, 1)));
        Assert.Equal("withheld", words.Share(null));
        Assert.Equal("83.3%", words.Share(0.8333));
        Assert.Equal("none", words.Share(null, FigureCell.Total(0)));
        Assert.Equal("withheld", words.Share(null, FigureCell.Total(20)));
        Assert.Equal("withheld", words.Share(null, FigureCell.Total(null)));
        Assert.Equal("0%", words.Share(0, FigureCell.Total(20)));
        Assert.Equal("2.5 h", words.Duration(new TimeCell(FigureCell.Total(9), 9000, 9000), 9000));
        Assert.Equal("withheld", words.Duration(new TimeCell(FigureCell.Total(null), null, null), null));
    }

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

    private sealed class TypedText(IStringLocalizer inner) : IStringLocalizer<TransparencyText>
    {
        public LocalizedString this[string name] => inner[name];

        public LocalizedString this[string name, params object[] arguments] => inner[name, arguments];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
