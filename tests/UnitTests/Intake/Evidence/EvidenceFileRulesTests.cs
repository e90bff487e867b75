using System.Security.Cryptography;
using System.Text;
using SafetyReports.Intake.Evidence;
using SkiaSharp;

namespace SafetyReports.UnitTests.Intake.Evidence;

public class EvidenceFileRulesTests
{
    private static readonly EvidenceFileLimits Small = new() { MaxFiles = 2, MaxFileBytes = 4096, MaxTotalBytes = 6000 };
    private readonly EvidenceFileRules _rules = new(Small);

    [Fact]
    public void Accepted_files_carry_their_type_and_both_hashes()
    {
        var log = new IncomingEvidenceFile("chat.jsonl", Encoding.UTF8.GetBytes("{\"a\":1}\n{\"b\":2}\n"));
        var photo = new IncomingEvidenceFile("photo.jpg", EvidenceImages.JpegWithExif(8, 8, 1, "S1"));

        var outcome = _rules.Check([log, photo], "misinformation");

        Assert.Null(outcome.Problem);
        var (text, image) = (outcome.Files[0], outcome.Files[1]);
        Assert.Equal(EvidenceFileType.JsonLines, text.Type);
        Assert.Equal(text.OriginalSha256, text.StoredSha256);
        Assert.Equal(Hex(log.Content), text.OriginalSha256);
        Assert.Equal(EvidenceFileType.Jpeg, image.Type);
        Assert.Equal(Hex(photo.Content), image.OriginalSha256);
        Assert.Equal(Hex(image.StoredBytes), image.StoredSha256);
        Assert.NotEqual(image.OriginalSha256, image.StoredSha256);
        Assert.Equal(photo.Content.Length, image.OriginalSize);
    }

    [Fact]
    public void The_screen_refuses_what_the_full_check_refuses_without_decoding_any_image()
    {
        var bomb = new IncomingEvidenceFile("bomb.png", EvidenceImages.PngDeclaring(50_000, 50_000));
        var lying = new IncomingEvidenceFile("harmless.png", [.. "PK"u8, 3, 4, 0, 0]);
        var photo = new IncomingEvidenceFile("photo.jpg", EvidenceImages.JpegWithExif(8, 8, 1, "S1"));

        // The bomb's header is only read when images are decoded: the screen lets it through to that step.
        Assert.Null(_rules.Screen([bomb], null));
        Assert.Equal(EvidenceFileRefusal.Invalid, _rules.Check([bomb], null).Refusal);
        Assert.Equal(EvidenceFileRefusal.UnsupportedType, _rules.Screen([lying], null)?.Refusal);
        Assert.Equal(EvidenceFileRefusal.ChildSafety, _rules.Screen([photo], ChildSafetyFilePolicy.CategoryId)?.Refusal);
        Assert.Null(_rules.Screen([photo], "misinformation"));
    }

    [Fact]
    public void The_request_hash_of_a_submission_with_files_changes_with_any_file_and_is_the_report_hash_without()
    {
        var a = new IncomingEvidenceFile("a.txt", "a"u8.ToArray());
        var b = new IncomingEvidenceFile("b.txt", "b"u8.ToArray());

        Assert.Equal("report", EvidenceRequestHash.Of("report", []));
        Assert.Equal(EvidenceRequestHash.Of("report", [a, b]), EvidenceRequestHash.Of("report", [a with { }, b with { }]));
        Assert.NotEqual(EvidenceRequestHash.Of("report", [a]), EvidenceRequestHash.Of("report", [a, b]));
        Assert.NotEqual(EvidenceRequestHash.Of("report", [a]), EvidenceRequestHash.Of("report", [a with { Content = "A"u8.ToArray() }]));
        Assert.NotEqual(EvidenceRequestHash.Of("report", [a]), EvidenceRequestHash.Of("report", [a with { Name = "c.txt" }]));
        Assert.NotEqual(EvidenceRequestHash.Of("report", [a]), EvidenceRequestHash.Of("other", [a]));
    }

    [Fact]
    public void The_declared_name_does_not_decide_the_type()
    {
        var outcome = _rules.Check([new IncomingEvidenceFile("harmless.png", [.. "PK"u8, 3, 4, 0, 0])], null);

        Assert.Equal(EvidenceFileRefusal.UnsupportedType, outcome.Refusal);
        Assert.StartsWith("\"harmless.png\" is not an accepted type", outcome.Problem);
    }

    [Fact]
    public void Too_many_too_large_or_empty_files_are_refused_naming_the_limit()
    {
        var one = new IncomingEvidenceFile("a.txt", "a"u8.ToArray());

        Assert.Equal(EvidenceFileRefusal.TooMany, _rules.Check([one, one, one], null).Refusal);

        var big = new IncomingEvidenceFile("big.txt", Encoding.UTF8.GetBytes(new string('x', 5000)));
        var tooBig = _rules.Check([big], null);
        Assert.Equal(EvidenceFileRefusal.TooLarge, tooBig.Refusal);
        Assert.Contains("\"big.txt\"", tooBig.Problem);
        Assert.Contains("4 KiB per file", tooBig.Problem);

        var half = new IncomingEvidenceFile("half.txt", Encoding.UTF8.GetBytes(new string('y', 4000)));
        Assert.Equal(EvidenceFileRefusal.TooLargeInTotal, _rules.Check([half, half], null).Refusal);

        Assert.Equal(EvidenceFileRefusal.Invalid, _rules.Check([new IncomingEvidenceFile("empty.txt", [])], null).Refusal);
    }

    [Fact]
    public void For_child_sexual_exploitation_images_and_audio_are_refused_and_the_hotlines_named()
    {
        var image = new IncomingEvidenceFile("x.png", EvidenceImages.Encode(4, 4, SKEncodedImageFormat.Png));
        var audio = new IncomingEvidenceFile("x.ogg", [.. "OggS"u8, 0, 2, 0, 0]);
        var description = new IncomingEvidenceFile("what-happened.txt", "The model produced …"u8.ToArray());

        foreach (var file in new[] { image, audio })
        {
            var outcome = _rules.Check([description, file], ChildSafetyFilePolicy.CategoryId);
            Assert.Equal(EvidenceFileRefusal.ChildSafety, outcome.Refusal);
            Assert.Empty(outcome.Files);
            Assert.Contains(ChildSafetyFilePolicy.CyberTiplineUrl, outcome.Problem);
            Assert.Contains(ChildSafetyFilePolicy.InhopeHotlinesUrl, outcome.Problem);
        }

        Assert.Null(_rules.Check([description], ChildSafetyFilePolicy.CategoryId).Refusal);
        Assert.Null(_rules.Check([image], "cyber-offense").Refusal);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
