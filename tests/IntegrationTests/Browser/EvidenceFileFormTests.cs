using System.Text;
using Microsoft.Playwright;
using SafetyReports.Intake.Evidence;
using SafetyReports.Intake.Storage;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Intake;
using SafetyReports.UnitTests.Intake.Evidence;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>A system whose form takes evidence files.</summary>
public sealed class EvidenceFilesBrowserFixture : BrowserFixture
{
    protected override Dictionary<string, string> Settings => new(base.Settings)
    {
        ["SafetyReports:Intake:EvidenceFiles:Enabled"] = "true",
    };
}

/// <summary>
/// A system whose files may come to more than the server's own request limit (30,000,000 bytes): 30 MiB together, 12 MiB each.
/// </summary>
public sealed class LargeEvidenceFilesBrowserFixture : BrowserFixture
{
    protected override Dictionary<string, string> Settings => new(base.Settings)
    {
        ["SafetyReports:Intake:EvidenceFiles:Enabled"] = "true",
        ["SafetyReports:Intake:EvidenceFiles:MaxFileBytes"] = (12 * EvidenceFileLimits.MiB).ToString(global::System.Globalization.CultureInfo.InvariantCulture),
        ["SafetyReports:Intake:EvidenceFiles:MaxTotalBytes"] = (30 * EvidenceFileLimits.MiB).ToString(global::System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The configured limits reach the form, and the server reads a post above them to answer it.</summary>
[Trait("Speed", "Slow")]
public class LargeEvidenceFileFormTests(LargeEvidenceFilesBrowserFixture browser) : IClassFixture<LargeEvidenceFilesBrowserFixture>
{
    [Fact]
    public async Task Files_over_the_configured_total_and_the_servers_default_limit_get_the_form_back_with_the_error_without_JavaScript()
    {
        var directory = Directory.CreateTempSubdirectory("large-evidence-");
        try
        {
            // 33 MiB of plain text in three files of 11 MiB: each within its limit, together above 30 MiB and above 30,000,000 bytes.
            var paths = Enumerable.Range(1, 3).Select(i => Path.Combine(directory.FullName, $"log-{i}.txt")).ToList();
            foreach (var path in paths)
            {
                await File.WriteAllBytesAsync(path, Enumerable.Repeat((byte)'a', (int)(11 * EvidenceFileLimits.MiB)).ToArray(), TestContext.Current.CancellationToken);
            }

            await using var tab = await browser.NewPageAsync(javaScript: false);
            var page = tab.Page;
            await tab.GotoAsync("/");
            var title = $"Too much evidence {Guid.NewGuid():N}";
            await tab.FillAsync(new FormInput(title));
            var stored = EvidenceStores.RecordedFiles(browser.System);
            await page.SetInputFilesAsync("#files", paths);
            await tab.SendAsync();

            await Expect(page.Locator("#files-error")).ToContainTextAsync("larger than 30 MiB");
            await Expect(page.Locator("#title")).ToHaveValueAsync(title);
            Assert.Equal(stored, EvidenceStores.RecordedFiles(browser.System));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

/// <summary>Evidence files through the form, with JavaScript turned off: refusals beside the file input, the receipt's list.</summary>
[Trait("Speed", "Slow")]
public class EvidenceFileFormTests(EvidenceFilesBrowserFixture browser) : IClassFixture<EvidenceFilesBrowserFixture>
{
    private long StoredFiles => EvidenceStores.RecordedFiles(browser.System);

    [Fact]
    public async Task A_refused_file_is_named_beside_the_input_and_the_files_sent_again_are_stored_and_listed()
    {
        await using var tab = await browser.NewPageAsync(javaScript: false);
        var page = tab.Page;
        await tab.GotoAsync("/");
        var title = $"Image evidence without JavaScript {Guid.NewGuid():N}";
        await tab.FillAsync(new FormInput(title));
        var files = StoredFiles;

        // A ZIP named like a screenshot: refused, named, nothing stored, and the reporter told to attach again.
        await page.SetInputFilesAsync("#files", [
            new FilePayload { Name = "screenshot.png", MimeType = "image/png", Buffer = [.. "PK"u8, 3, 4, 20, 0, 0, 0, .. "payload"u8] },
            new FilePayload { Name = "chat.jsonl", MimeType = "application/jsonl", Buffer = "{\"a\":1}\n{\"b\":2}\n"u8.ToArray() },
        ]);
        await tab.SendAsync();
        await Expect(page.Locator("#files-error")).ToContainTextAsync("“screenshot.png” is not a type accepted here");
        await Expect(page.Locator(".error-summary a[href='#files']")).ToContainTextAsync("screenshot.png");
        await Expect(page.Locator("#files-not-kept")).ToContainTextAsync("attach them again");
        await Expect(page.Locator("#title")).ToHaveValueAsync(title);
        Assert.Equal(0, await page.EvalOnSelectorAsync<int>("#files", "input => input.files.length"));
        Assert.Equal(files, StoredFiles);

        var photo = EvidenceImages.JpegWithGps(30, 10);
        await page.SetInputFilesAsync("#files", [
            new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = photo },
            new FilePayload { Name = "chat.jsonl", MimeType = "application/jsonl", Buffer = "{\"a\":1}\n{\"b\":2}\n"u8.ToArray() },
        ]);
        await tab.SendAsync();
        var (id, token) = await tab.ReceiptAsync();
        Assert.Equal(files + 2, StoredFiles);

        var store = browser.System.Get<ISubmissionStore>();
        var records = (await store.FindReceiptAsync(id, TestContext.Current.CancellationToken))!.EvidenceFiles;
        var stored = (await EvidenceStores.ReadAsync(browser.System, id, records[0].Id))!;
        Assert.Equal(("photo.jpg", "image/jpeg"), (records[0].Name, records[0].MediaType));
        Assert.NotEqual(records[0].OriginalSha256, records[0].Sha256);
        Assert.DoesNotContain(EvidenceImages.CameraSerial, Encoding.Latin1.GetString(stored));

        await tab.GotoAsync("/status");
        await page.FillAsync("#id", id.ToString());
        await page.FillAsync("#token", token);
        await tab.PostAsync("#show-status", "/status");
        var rows = page.Locator("#evidence-files tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("photo.jpg");
        await Expect(rows.Nth(0)).ToContainTextAsync("image/jpeg");
        await Expect(rows.Nth(0)).ToContainTextAsync(records[0].Sha256);
        await Expect(rows.Nth(1)).ToContainTextAsync("application/jsonl");
        await Expect(page.Locator("#evidence-files a, #evidence-files img")).ToHaveCountAsync(0);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task With_javascript_the_files_go_with_the_solved_form_and_each_state_passes_an_axe_audit()
    {
        await using var tab = await browser.NewPageAsync(bypassCsp: true);
        var page = tab.Page;
        await tab.GotoAsync("/");
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the report form with a file input");

        await tab.FillAsync(new FormInput($"Image evidence with JavaScript {Guid.NewGuid():N}"));
        await page.SetInputFilesAsync("#files", [new FilePayload { Name = "big.png", MimeType = "image/png", Buffer = EvidenceImages.PngDeclaring(100_000, 100_000) }]);
        await tab.SendAsync();
        await Expect(page.Locator("#files-error")).ToContainTextAsync("“big.png” could not be read");
        await Expect(page.Locator("#files-not-kept")).ToBeVisibleAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the report form with a refused file");

        await page.SetInputFilesAsync("#files", [new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = EvidenceImages.JpegWithGps(12, 12) }]);
        await tab.SendAsync();
        var (id, token) = await tab.ReceiptAsync();
        var stored = await browser.System.Api.TriageReportAsync(id);
        Assert.False(stored["unchallenged"]!.GetValue<bool>(), "the script solved the proof of work for the form with files");

        await tab.GotoAsync("/status");
        await page.FillAsync("#id", id.ToString());
        await page.FillAsync("#token", token);
        await tab.PostAsync("#show-status", "/status");
        await Expect(page.Locator("#evidence-files tbody tr")).ToHaveCountAsync(1);
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "the status page with its files");
    }

    [Fact]
    public async Task With_javascript_the_chosen_files_are_previewed_and_sent_with_a_progress_bar_under_the_pages_own_policy()
    {
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/")
            {
                posts.Add(request.ResourceType);
            }
        };
        await tab.GotoAsync("/");
        await tab.FillAsync(new FormInput($"Previewed evidence {Guid.NewGuid():N}"));
        var files = StoredFiles;

        await page.SetInputFilesAsync("#files", [
            new FilePayload { Name = "generated.png", MimeType = "image/png", Buffer = EvidenceImages.Encode(40, 20, SkiaSharp.SKEncodedImageFormat.Png) },
            new FilePayload { Name = "chat.jsonl", MimeType = "application/jsonl", Buffer = "{\"a\":1}\n{\"b\":2}\n"u8.ToArray() },
        ]);

        // The preview: each file's name and size; the image drawn small from its bytes (no blob: address the policy would refuse).
        var items = page.Locator("#files-preview li");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0).Locator(".file-name")).ToHaveTextAsync("generated.png");
        await Expect(items.Nth(1).Locator(".file-size")).ToHaveTextAsync("16 B");
        await Expect(items.Nth(0).Locator("canvas.file-thumb")).ToHaveAttributeAsync("width", "40");
        await Expect(items.Nth(1).Locator("canvas")).ToHaveCountAsync(0);
        await Expect(page.Locator("#files-progress")).ToBeHiddenAsync();

        // Sent by the script with upload progress; its answer (the receipt) replaces the page.
        await tab.SendAsync();
        var (id, _) = await tab.ReceiptAsync();
        Assert.Equal(["xhr"], posts);
        Assert.Equal(files + 2, StoredFiles);
        Assert.Equal(2, (await browser.System.Get<ISubmissionStore>().FindReceiptAsync(id, TestContext.Current.CancellationToken))!.EvidenceFiles.Count);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_image_for_child_sexual_exploitation_is_refused_with_the_hotlines()
    {
        await using var tab = await browser.NewPageAsync(javaScript: false);
        var page = tab.Page;
        await tab.GotoAsync("/");
        await tab.FillAsync(new FormInput($"CSE without JavaScript {Guid.NewGuid():N}", Category: ChildSafetyFilePolicy.CategoryId));
        var files = StoredFiles;

        await page.SetInputFilesAsync("#files", [
            new FilePayload { Name = "image.png", MimeType = "image/png", Buffer = EvidenceImages.Encode(8, 8, SkiaSharp.SKEncodedImageFormat.Png) },
        ]);
        await tab.SendAsync();

        await Expect(page.Locator("#files-error")).ToContainTextAsync("“image.png” is an image or audio file");
        await Expect(page.Locator("#files-error")).ToContainTextAsync(ChildSafetyFilePolicy.CyberTiplineUrl);
        await Expect(page.Locator("#files-error")).ToContainTextAsync(ChildSafetyFilePolicy.InhopeHotlinesUrl);
        Assert.Equal(files, StoredFiles);
        tab.AssertNoConsoleErrors();
    }
}
