using System.Globalization;
using SafetyReports.Intake.Evidence;
using SafetyReports.Intake.Forms;

namespace SafetyReports.UnitTests.Intake.Evidence;

/// <summary>The form's words for each refusal of the rules: in the page's language, naming the file and the limit.</summary>
public class EvidenceFileErrorsTests
{
    private static readonly EvidenceFileRules Rules = new(EvidenceFileLimits.Default);

    private static string Describe(IReadOnlyList<IncomingEvidenceFile> files, string? category = null) =>
        EvidenceFileErrors.Describe(Rules.Check(files, category), EvidenceFileLimits.Default, SafetyReports.UnitTests.Intake.ReportFormErrorsTests.Text);

    [Fact]
    public void Each_refusal_names_the_file_or_the_limit()
    {
        var log = new IncomingEvidenceFile("log.txt", "a log"u8.ToArray());
        var photo = new IncomingEvidenceFile("photo.png", EvidenceImages.Encode(4, 4, SkiaSharp.SKEncodedImageFormat.Png));

        Assert.Equal("Attach at most 5 files.", Describe([log, log, log, log, log, log]));
        Assert.StartsWith("“zip.png” is not a type accepted here", Describe([log, new IncomingEvidenceFile("zip.png", [.. "PK"u8, 3, 4])]));
        Assert.StartsWith("“huge.png” could not be read", Describe([new IncomingEvidenceFile("huge.png", EvidenceImages.PngDeclaring(100_000, 100_000))]));
        Assert.StartsWith("“empty.txt” could not be read", Describe([new IncomingEvidenceFile("empty.txt", [])]));
        Assert.Equal("“big.txt” is larger than 10 MiB: attach a smaller file.",
            Describe([new IncomingEvidenceFile("big.txt", new byte[(10 * EvidenceFileLimits.MiB) + 1])]));
        var nine = new byte[9 * EvidenceFileLimits.MiB];
        Assert.Equal("The files together are larger than 25 MiB: attach fewer or smaller files.",
            Describe([new IncomingEvidenceFile("a.txt", nine), new IncomingEvidenceFile("b.txt", nine), new IncomingEvidenceFile("c.txt", nine)]));

        var childSafety = Describe([log, photo], ChildSafetyFilePolicy.CategoryId);
        Assert.StartsWith("“photo.png” is an image or audio file", childSafety);
        Assert.Contains(ChildSafetyFilePolicy.CyberTiplineUrl, childSafety);
        Assert.Contains(ChildSafetyFilePolicy.InhopeHotlinesUrl, childSafety);
    }

    [Fact]
    public void The_page_language_is_used()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("de");
        try
        {
            var photo = new IncomingEvidenceFile("foto.png", EvidenceImages.Encode(4, 4, SkiaSharp.SKEncodedImageFormat.Png));
            var message = Describe([photo], ChildSafetyFilePolicy.CategoryId);
            Assert.StartsWith("„foto.png“ ist eine Bild- oder Audiodatei", message);
            Assert.Contains(ChildSafetyFilePolicy.CyberTiplineUrl, message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
