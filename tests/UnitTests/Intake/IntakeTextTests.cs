using System.Text.RegularExpressions;
using SafetyReports.Contracts;
using SafetyReports.Intake.Domain;

namespace SafetyReports.UnitTests.Intake;

/// <summary>Every string the public site asks for exists in Resources/IntakeText.resx.</summary>
public partial class IntakeTextTests
{
    private static readonly string IntakeDirectory = Path.Combine(FindRoot(), "services", "Intake");

    [GeneratedRegex("""(?:\bT|\btext)\[\s*"([A-Za-z0-9_]+)"\s*[\],]""")]
    private static partial Regex LiteralKey();

    [Fact]
    public void Every_key_the_site_uses_has_a_string()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(IntakeDirectory, "Pages"), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(IntakeDirectory, "Forms"), "*.cs"))
            .Concat(Directory.EnumerateFiles(Path.Combine(IntakeDirectory, "Site"), "*.cs"))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        var literal = sources.SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.True(literal.Count > 50, $"found only {literal.Count} keys: is the pattern still right?");

        // Keys the pages build from values.
        var built = ReportStatuses.All.SelectMany(s => new[] { $"Status_{s}", $"Status_{s}_Description" })
            .Concat(Severities.All.SelectMany(s => new[] { $"Severity_{s}", $"Severity_{s}_Description" }))
            .Concat(EvidenceKinds.All.Select(k => $"EvidenceKind_{k}"))
            .Concat(HostResponseActions.All.Select(a => $"Action_{a}"))
            .Concat(DecisionGrounds.All.Select(g => $"DecisionGround_{g}"))
            .Concat(HazardTaxonomy.Categories.SelectMany(c => new[] { $"Category_{c.Code}_Label", $"Category_{c.Code}_Description" }))
            .Concat(ContestStates.All.SelectMany(s => new[] { $"Contest_State_{s}", $"Contest_State_{s}_Description" }))
            .Concat(new[] { "ModelUrl", "ModelHost", "ModelId", "ModelRevision", "Title", "Description", "EvidenceContent", "ReporterName", "ReporterEmail" }
                .SelectMany(f => new[] { $"Label_{f}", $"Error_{f}_Required" }));

        var missing = literal.Concat(built).Where(k => ReportFormErrorsTests.Text[k].ResourceNotFound).Order().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_category_has_a_label_and_description_and_the_English_ones_are_the_taxonomys()
    {
        // The API serves HazardTaxonomy's English; the pages read the resources, so the two must not drift apart.
        var english = System.Globalization.CultureInfo.GetCultureInfo("en");
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = english;
        try
        {
            Assert.All(HazardTaxonomy.Categories, c =>
            {
                Assert.Equal(c.Label, ReportFormErrorsTests.Text[$"Category_{c.Code}_Label"].Value);
                Assert.Equal(c.Description, ReportFormErrorsTests.Text[$"Category_{c.Code}_Description"].Value);
            });
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string FindRoot()
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
