using System.Net.Http.Headers;
using System.Text;
using SafetyReports.Intake.Evidence;

namespace SafetyReports.UnitTests.Intake.Evidence;

public class MultipartSubmissionReaderTests
{
    private const int MaxReport = 1024;
    private static readonly EvidenceFileLimits Limits = new() { MaxFiles = 2, MaxFileBytes = 100, MaxTotalBytes = 150 };

    [Fact]
    public async Task The_report_and_its_files_are_read_with_their_names()
    {
        var result = await ReadAsync(Report("{\"title\":\"t\"}"), File("chat.txt", "hello"), File("shot.png", "png-bytes"));

        Assert.Null(result.Problem);
        Assert.Equal("{\"title\":\"t\"}", Encoding.UTF8.GetString(result.ReportJson!));
        Assert.Equal(["chat.txt", "shot.png"], result.Files.Select(f => f.Name));
        Assert.Equal("hello", Encoding.UTF8.GetString(result.Files[0].Content));
    }

    [Fact]
    public async Task Limits_stop_the_reading_and_say_which()
    {
        var third = await ReadAsync(Report("{}"), File("a.txt", "a"), File("b.txt", "b"), File("c.txt", "c"));
        Assert.Equal(EvidenceFileRefusal.TooMany, third.Refusal);

        var large = await ReadAsync(Report("{}"), File("big.txt", new string('x', 101)));
        Assert.Equal(EvidenceFileRefusal.TooLarge, large.Refusal);
        Assert.Contains("\"big.txt\"", large.Problem);

        var together = await ReadAsync(Report("{}"), File("a.txt", new string('x', 100)), File("b.txt", new string('y', 51)));
        Assert.Equal(EvidenceFileRefusal.TooLargeInTotal, together.Refusal);
        Assert.Contains("per report", together.Problem);

        var report = await ReadAsync(Report(new string(' ', MaxReport + 1)));
        Assert.Equal(EvidenceFileRefusal.TooLargeInTotal, report.Refusal);
    }

    [Fact]
    public async Task A_body_without_its_report_or_with_strange_parts_is_refused()
    {
        Assert.Contains("missing", (await ReadAsync(File("a.txt", "a"))).Problem);
        Assert.Contains("Unknown part", (await ReadAsync(Report("{}"), Part("extra", "x"))).Problem);
        Assert.Contains("one \"report\"", (await ReadAsync(Report("{}"), Report("{}"))).Problem);
        Assert.Contains("file name", (await ReadAsync(Report("{}"), Part("files", "no name"))).Problem);

        var broken = await MultipartSubmissionReader.ReadAsync(
            new MemoryStream("--b\r\nnot a header\r\n"u8.ToArray()), "multipart/form-data; boundary=b", MaxReport, Limits, CancellationToken.None);
        Assert.Equal(EvidenceFileRefusal.Invalid, broken.Refusal);

        var noBoundary = await MultipartSubmissionReader.ReadAsync(new MemoryStream(), "multipart/form-data", MaxReport, Limits, CancellationToken.None);
        Assert.Contains("boundary", noBoundary.Problem);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\photo.jpg", "photo.jpg")]
    [InlineData("evil\u202Egpj.exe", "evilgpj.exe")]
    [InlineData("a\u0000b\u200Bc.txt", "abc.txt")]
    [InlineData("日志 😀.jsonl", "日志 😀.jsonl")]
    public async Task A_file_name_keeps_only_its_last_printable_segment(string sent, string kept)
    {
        var result = await ReadAsync(Report("{}"), File(sent, "x"));

        Assert.Null(result.Problem);
        Assert.Equal(kept, Assert.Single(result.Files).Name);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=x", true)]
    [InlineData("Multipart/Form-Data; boundary=\"x\"", true)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Multipart_is_told_by_its_media_type(string? contentType, bool expected) =>
        Assert.Equal(expected, MultipartSubmissionReader.IsMultipart(contentType));

    private static async Task<MultipartSubmission> ReadAsync(params HttpContent[] parts)
    {
        using var content = new MultipartFormDataContent("test-boundary");
        foreach (var part in parts)
        {
            content.Add(part);
        }

        var body = new MemoryStream(await content.ReadAsByteArrayAsync());
        return await MultipartSubmissionReader.ReadAsync(body, content.Headers.ContentType!.ToString(), MaxReport, Limits, CancellationToken.None);
    }

    private static HttpContent Report(string json) => Part("report", json, "application/json");

    private static HttpContent File(string name, string text)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "files", FileNameStar = name };
        return part;
    }

    private static HttpContent Part(string name, string text, string mediaType = "text/plain")
    {
        var part = new StringContent(text, Encoding.UTF8, mediaType);
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = name };
        return part;
    }
}
