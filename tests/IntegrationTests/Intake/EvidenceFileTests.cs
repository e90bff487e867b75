using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SafetyReports.Intake.Evidence;
using SafetyReports.Intake.Storage;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.UnitTests.Intake.Evidence;
using SkiaSharp;
using static SafetyReports.IntegrationTests.Intake.EvidenceFixtures;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>Evidence files sent with <c>POST /api/v1/reports</c> as multipart: made safe, stored with the report, listed on its receipt.</summary>
public sealed class EvidenceFileTests(EvidenceFilesFixture fixture) : IClassFixture<EvidenceFilesFixture>
{
    private StandaloneSystem Sut => fixture.System;

    private long Submissions => StoreInspector.Count(Sut.DataDirectory, "intake.db");

    private long StoredFiles => EvidenceStores.RecordedFiles(Sut);

    private static object Report(string title, string category = "violent-crimes") => new
    {
        model = new { host = "hub-e", id = "org/image-model" },
        category,
        title,
        description = "The model produced this.",
        goodFaith = true,
    };

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Sut.Url + "/api/v1/reports") { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Sut.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<JsonNode> StatusAsync(string id, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Sut.Url}/api/v1/reports/{id}/status");
        request.Headers.Add("X-Report-Token", token);
        using var response = await Sut.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SystemUnderTest.JsonAsync(response);
    }

    /// <summary>Sends <paramref name="content"/> and asserts it was refused with <paramref name="status"/> and that nothing was stored.</summary>
    private async Task<string> RefusedAsync(HttpContent content, HttpStatusCode status)
    {
        var (submissions, files) = (Submissions, StoredFiles);
        using var response = await PostAsync(content);
        var body = await SystemUnderTest.JsonAsync(response);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal((submissions, files), (Submissions, StoredFiles));
        return body["errors"]!["files"]![0]!.GetValue<string>();
    }

    [Fact]
    public async Task A_photo_with_its_GPS_position_is_stored_without_its_metadata_and_the_receipt_lists_the_files()
    {
        var photo = EvidenceImages.JpegWithGps(40, 20);
        var log = ChatLog();
        Assert.Contains(EvidenceImages.CameraSerial, Encoding.Latin1.GetString(photo));

        using var response = await PostAsync(Multipart(Report("Generated image"), ("C:\\Users\\me\\photo.jpg", photo), ("chat.jsonl", log)));
        var json = await SystemUnderTest.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, json.ToJsonString());
        var (id, token) = (json["id"]!.GetValue<string>(), json["statusToken"]!.GetValue<string>());

        // The 202 came after the commit: the files are in the store with the report (in Intake's, or in Triage's once handed over).
        var store = Sut.Get<ISubmissionStore>();
        var records = (await store.FindReceiptAsync(Guid.Parse(id), TestContext.Current.CancellationToken))!.EvidenceFiles;
        var (image, text) = (records[0], records[1]);
        var storedImage = (await EvidenceStores.ReadAsync(Sut, Guid.Parse(id), image.Id))!;
        var storedLog = (await EvidenceStores.ReadAsync(Sut, Guid.Parse(id), text.Id))!;

        Assert.Equal(("photo.jpg", "image/jpeg"), (image.Name, image.MediaType));
        Assert.Equal(Sha256(photo), image.OriginalSha256);
        Assert.Equal(Sha256(storedImage), image.Sha256);
        Assert.NotEqual(image.OriginalSha256, image.Sha256);
        var latin1 = Encoding.Latin1.GetString(storedImage);
        Assert.DoesNotContain("Exif", latin1);
        Assert.DoesNotContain(EvidenceImages.CameraSerial, latin1);
        Assert.False(Contains(storedImage, [0xFF, 0xE1]), "an APP1 (EXIF) segment survived");
        using (var decoded = SKBitmap.Decode(storedImage))
        {
            Assert.Equal((40, 20), (decoded.Width, decoded.Height));
        }

        Assert.Equal(log, storedLog);
        Assert.Equal((Sha256(log), Sha256(log)), (text.Sha256, text.OriginalSha256));

        var status = await StatusAsync(id, token);
        var listed = status["files"]!.AsArray();
        Assert.Equal(2, listed.Count);
        Assert.Equal(
            new JsonObject { ["name"] = "photo.jpg", ["type"] = "image/jpeg", ["size"] = storedImage.Length, ["sha256"] = Sha256(storedImage) }.ToJsonString(),
            listed[0]!.ToJsonString());
        Assert.Equal("application/jsonl", listed[1]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("content", listed[1]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_naming_the_file()
    {
        var problem = await RefusedAsync(Multipart(Report("Bomb"), ("chat.jsonl", ChatLog()), ("huge.png", EvidenceImages.PngDeclaring(100_000, 100_000))),
            HttpStatusCode.BadRequest);

        Assert.StartsWith("\"huge.png\" declares 100000 × 100000 pixels", problem);
    }

    [Fact]
    public async Task A_file_whose_name_lies_about_its_type_is_refused_with_415()
    {
        var problem = await RefusedAsync(Multipart(Report("Lying name"), ("screenshot.png", Zip())), HttpStatusCode.UnsupportedMediaType);

        Assert.StartsWith("\"screenshot.png\" is not an accepted type", problem);
    }

    [Fact]
    public async Task For_child_sexual_exploitation_an_image_is_refused_with_the_hotlines_and_a_chat_log_is_accepted()
    {
        var photo = EvidenceImages.Encode(8, 8, SKEncodedImageFormat.Png);
        var problem = await RefusedAsync(
            Multipart(Report("CSE", ChildSafetyFilePolicy.CategoryId), ("log.txt", "words only"u8.ToArray()), ("image.png", photo)), HttpStatusCode.BadRequest);

        Assert.StartsWith("\"image.png\" is an image or audio file", problem);
        Assert.Contains(ChildSafetyFilePolicy.CyberTiplineUrl, problem);
        Assert.Contains(ChildSafetyFilePolicy.InhopeHotlinesUrl, problem);

        using var accepted = await PostAsync(Multipart(Report("CSE in words", ChildSafetyFilePolicy.CategoryId), ("log.txt", "words only"u8.ToArray())));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Submissions_over_the_limits_are_refused_and_store_nothing()
    {
        var small = "a line of a log"u8.ToArray();
        var tooMany = await RefusedAsync(Multipart(Report("Six files"), [.. Enumerable.Range(1, 6).Select(i => ($"log{i}.txt", small))]),
            HttpStatusCode.BadRequest);
        Assert.Contains("At most 5 files", tooMany);

        var large = Encoding.ASCII.GetBytes(new string('x', (int)(10 * EvidenceFileLimits.MiB) + 1));
        var tooLarge = await RefusedAsync(Multipart(Report("Large file"), ("big.txt", large)), HttpStatusCode.BadRequest);
        Assert.StartsWith("\"big.txt\" is larger than 10 MiB", tooLarge);

        var nine = Encoding.ASCII.GetBytes(new string('y', (int)(9 * EvidenceFileLimits.MiB)));
        var total = await RefusedAsync(Multipart(Report("Too much"), ("a.txt", nine), ("b.txt", nine), ("c.txt", nine)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("25 MiB", total);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_and_files_gets_the_first_answer_and_stores_the_files_once()
    {
        var key = $"files-{Guid.NewGuid():N}";
        var photo = EvidenceImages.JpegWithGps(16, 16);
        var (submissions, files) = (Submissions, StoredFiles);

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(Multipart(Report($"Retried {key}"), ("photo.jpg", photo), ("chat.jsonl", ChatLog())), key);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            answers.Add((await SystemUnderTest.JsonAsync(response)).ToJsonString());
        }

        Assert.Single(answers.Distinct());
        Assert.Equal((submissions + 1, files + 2), (Submissions, StoredFiles));

        // The same key with other files is another request: refused, nothing stored.
        using var other = await PostAsync(Multipart(Report($"Retried {key}"), ("photo.jpg", photo)), key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal((submissions + 1, files + 2), (Submissions, StoredFiles));
    }
}

/// <summary>Standalone with evidence files switched on.</summary>
public sealed class EvidenceFilesFixture : IAsyncLifetime
{
    private StandaloneSystem? _system;

    public StandaloneSystem System => _system ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() =>
        _system = await StandaloneSystem.StartAsync(new Dictionary<string, string> { ["SafetyReports:Intake:EvidenceFiles:Enabled"] = "true" });

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}
