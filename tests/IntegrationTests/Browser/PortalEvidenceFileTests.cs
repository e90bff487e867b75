using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Intake;
using SafetyReports.Intake.Storage;
using SafetyReports.Triage.Storage;
using SafetyReports.UnitTests.Intake.Evidence;
using static Microsoft.Playwright.Assertions;
using static SafetyReports.IntegrationTests.Intake.EvidenceFixtures;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>The portal's report page with evidence files, in a browser without JavaScript.</summary>
[Trait("Speed", "Slow")]
public sealed class PortalEvidenceFileTests(PortalEvidenceFixture portal) : IClassFixture<PortalEvidenceFixture>
{
    /// <summary>The smallest WAV header Intake recognises, then silence.</summary>
    private static byte[] Wav() => [.. "RIFF"u8, 36, 0, 0, 0, .. "WAVEfmt "u8, 16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x80, 0x3E, 0, 0, 2, 0, 16, 0, .. "data"u8, 0, 0, 0, 0];

    [Fact]
    public async Task The_report_page_lists_the_files_shows_images_blurred_until_clicked_never_plays_audio_on_its_own_and_an_admin_removes_one()
    {
        var report = new { model = new { host = "hub-a", id = "org/voice" }, category = "hate", title = "Files in the portal", description = "See the files.", goodFaith = true };
        using var response = await portal.System.Api.Http.PostAsync(portal.System.Url + "/api/v1/reports",
            Multipart(report, ("picture.png", EvidenceImages.Encode(32, 32, SkiaSharp.SKEncodedImageFormat.Png)), ("voice.wav", Wav()), ("chat.jsonl", ChatLog())),
            TestContext.Current.CancellationToken);
        var json = await SystemUnderTest.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, json.ToJsonString());
        var id = Guid.Parse(json["id"]!.GetValue<string>());
        var records = (await portal.System.Get<ISubmissionStore>().FindReceiptAsync(id, TestContext.Current.CancellationToken))!.EvidenceFiles;
        await Eventually.UntilAsync(() => Task.FromResult(EvidenceStores.HeldByIntake(portal.System, id) == 0 && EvidenceStores.HeldByTriage(portal.System, id) == 3),
            TimeSpan.FromSeconds(60), "the hand-over of the report with its files");

        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, javaScript: false);
        var page = admin.Page;
        await page.GotoAsync($"/portal/reports/{id}");

        var rows = page.Locator("#evidence-files tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        for (var i = 0; i < records.Count; i++)
        {
            await Expect(rows.Nth(i)).ToContainTextAsync(records[i].Name);
            await Expect(rows.Nth(i)).ToContainTextAsync(records[i].MediaType);
            await Expect(rows.Nth(i)).ToContainTextAsync(records[i].Sha256);
            await Expect(rows.Nth(i)).ToContainTextAsync(records[i].Size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        // The image is blurred until its summary is clicked, and clear after.
        var image = page.Locator(".evidence-image img");
        await Expect(image).ToHaveCountAsync(1);
        Assert.Contains("blur", await image.EvaluateAsync<string>("e => getComputedStyle(e).filter"));
        await page.Locator(".evidence-image summary").ClickAsync();
        await Expect(page.Locator(".evidence-image[open]")).ToHaveCountAsync(1);
        Assert.Equal("none", await image.EvaluateAsync<string>("e => getComputedStyle(e).filter"));
        Assert.True(await image.EvaluateAsync<bool>("e => e.complete && e.naturalWidth === 32"), "the image did not load under the page's policy");

        // Audio waits for its play button.
        var audio = page.Locator("#evidence-files audio");
        await Expect(audio).ToHaveCountAsync(1);
        Assert.False(await audio.EvaluateAsync<bool>("e => e.autoplay"));
        Assert.Equal("none", await audio.GetAttributeAsync("preload"));
        Assert.True(await audio.EvaluateAsync<bool>("e => e.paused"));

        // Every file comes as an attachment, never sniffed, sandboxed, the same bytes Intake stored.
        foreach (var record in records)
        {
            var download = await page.Context.APIRequest.GetAsync($"/portal/reports/{id}?handler=file&fileId={record.Id}");
            Assert.Equal(200, download.Status);
            Assert.StartsWith("attachment", download.Headers["content-disposition"]);
            Assert.Equal("nosniff", download.Headers["x-content-type-options"]);
            Assert.StartsWith("sandbox;", download.Headers["content-security-policy"]);
            Assert.Equal(record.Sha256, Sha256(await download.BodyAsync()));
        }

        var unknown = await page.Context.APIRequest.GetAsync($"/portal/reports/{id}?handler=file&fileId={Guid.NewGuid()}");
        Assert.Equal(404, unknown.Status);

        // An admin removes the picture: its row goes, and its bytes leave Triage's store; the other files stay.
        var picture = records.Single(r => r.MediaType == "image/png");
        await page.ClickAsync($"#redact-file-{picture.Id}");
        await Expect(page.Locator("#page-notice")).ToContainTextAsync("The file was removed");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator(".evidence-image")).ToHaveCountAsync(0);
        Assert.Null(await portal.System.Get<ITriageStore>().ReadEvidenceFileAsync(id, picture.Id, TestContext.Current.CancellationToken));
        Assert.Equal(0, EvidenceStores.HeldByIntake(portal.System, id));
        Assert.Equal(2, EvidenceStores.HeldByTriage(portal.System, id));
    }

    [Fact]
    public async Task A_maintainer_shares_a_file_with_the_host_and_stops_again_without_JavaScript_each_recorded()
    {
        var report = new { model = new { host = "hub-a", id = "org/chat" }, category = "hate", title = "Share a file", description = "See the log.", goodFaith = true };
        using var response = await portal.System.Api.Http.PostAsync(portal.System.Url + "/api/v1/reports", Multipart(report, ("chat.jsonl", ChatLog())),
            TestContext.Current.CancellationToken);
        var id = Guid.Parse((await SystemUnderTest.JsonAsync(response))["id"]!.GetValue<string>());
        var file = (await portal.System.Api.TriageReportAsync(id, r => r["files"]!.AsArray().Count == 1))["files"]![0]!;
        var fileId = Guid.Parse(file["id"]!.GetValue<string>());

        await using var maintainer = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, javaScript: false);
        var page = maintainer.Page;
        await page.GotoAsync($"/portal/reports/{id}");
        var row = page.Locator($"#evidence-file-{fileId}");
        await Expect(row).ToContainTextAsync("Not shared");

        await page.ClickAsync($"#share-file-{fileId}");
        await Expect(page.Locator("#page-notice")).ToContainTextAsync("The file is shared with the host");
        await Expect(row).ToContainTextAsync("Shared with the host");
        Assert.Equal(["Stop sharing"], [await page.Locator($"#share-file-{fileId}").InnerTextAsync()]);
        var shared = await portal.System.Get<ITriageStore>().GetReportAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal([fileId], shared!.SharedFiles);

        await page.ClickAsync($"#share-file-{fileId}");
        await Expect(page.Locator("#page-notice")).ToContainTextAsync("no longer shared");
        await Expect(row).ToContainTextAsync("Not shared");
        var audit = await portal.System.Get<ITriageStore>().GetAuditAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(["file_shared", "file_unshared"], audit.Select(e => e.Action).Where(a => a.StartsWith("file_", StringComparison.Ordinal)));
    }
}

/// <summary>The portal's Standalone with evidence files switched on.</summary>
public sealed class PortalEvidenceFixture : PortalFixture
{
    protected override Dictionary<string, string> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["SafetyReports:Intake:EvidenceFiles:Enabled"] = "true";
            return settings;
        }
    }
}

/// <summary>The portal's Standalone with evidence files and <c>SafetyReports:Portal:AlwaysBlurImages</c> on.</summary>
public sealed class PortalAlwaysBlurredFixture : PortalFixture
{
    protected override Dictionary<string, string> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["SafetyReports:Intake:EvidenceFiles:Enabled"] = "true";
            settings["SafetyReports:Portal:AlwaysBlurImages"] = "true";
            return settings;
        }
    }
}

/// <summary>The portal-wide setting that keeps every evidence image blurred, in a browser without JavaScript.</summary>
[Trait("Speed", "Slow")]
public sealed class PortalAlwaysBlurredTests(PortalAlwaysBlurredFixture portal) : IClassFixture<PortalAlwaysBlurredFixture>
{
    [Fact]
    public async Task With_the_setting_on_no_click_reveals_an_image_and_the_download_still_serves_it()
    {
        var report = new { model = new { host = "hub-a", id = "org/image" }, category = "hate", title = "Always blurred", description = "See the image.", goodFaith = true };
        using var response = await portal.System.Api.Http.PostAsync(portal.System.Url + "/api/v1/reports",
            Multipart(report, ("picture.png", EvidenceImages.Encode(32, 32, SkiaSharp.SKEncodedImageFormat.Png))), TestContext.Current.CancellationToken);
        var id = Guid.Parse((await SystemUnderTest.JsonAsync(response))["id"]!.GetValue<string>());
        var file = (await portal.System.Api.TriageReportAsync(id, r => r["files"]!.AsArray().Count == 1))["files"]![0]!;

        await using var admin = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, javaScript: false);
        var page = admin.Page;
        await page.GotoAsync($"/portal/reports/{id}");

        var image = page.Locator(".evidence-image img");
        await Expect(image).ToHaveCountAsync(1);
        await Expect(page.Locator("#evidence-files details, #evidence-files summary")).ToHaveCountAsync(0);
        await Expect(page.Locator(".evidence-image figcaption")).ToContainTextAsync("keeps every image blurred");
        Assert.Contains("blur", await image.EvaluateAsync<string>("e => getComputedStyle(e).filter"));
        await image.ClickAsync();
        Assert.Contains("blur", await image.EvaluateAsync<string>("e => getComputedStyle(e).filter"));

        var download = await page.Context.APIRequest.GetAsync($"/portal/reports/{id}?handler=file&fileId={file["id"]!.GetValue<string>()}");
        Assert.Equal(200, download.Status);
        Assert.StartsWith("attachment", download.Headers["content-disposition"]);
    }
}
