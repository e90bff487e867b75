using System.Text.Json;
using SafetyReports.Intake.Forms;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>The report form, receipt and status pages in Chromium with JavaScript on, under the pages' own CSP.</summary>
[Trait("Speed", "Slow")]
public class JavaScriptFormTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_report_sent_with_javascript_carries_a_proof_of_work_and_the_receipt_shows_the_token()
    {
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        var form = await tab.GotoAsync("/");
        var headers = await form.AllHeadersAsync();
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; " +
            "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);

        var title = $"Sent with JavaScript {Guid.NewGuid():N}";
        await tab.FillAsync(new FormInput(title, ModelUrl: "https://huggingface.co/acme/chatty-7b/tree/v2", Name: "Rita Reporter",
            Email: "rita@example.org", ContactAllowed: true));

        // The script split the pasted address into host, id and revision.
        await Expect(page.Locator("#model-host")).ToHaveValueAsync("huggingface");
        await Expect(page.Locator("#model-id")).ToHaveValueAsync("acme/chatty-7b");
        await Expect(page.Locator("#model-revision")).ToHaveValueAsync("v2");
        await Expect(page.Locator("#model-url-status")).ToContainTextAsync("acme/chatty-7b");

        // A fourth evidence item appears in place, without a round trip.
        var requestsBefore = tab.RequestUrls.Count;
        await page.ClickAsync("#add-evidence");
        await Expect(page.Locator("#evidence-3-content")).ToBeFocusedAsync();
        Assert.DoesNotContain(tab.RequestUrls.Skip(requestsBefore), url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("[data-evidence-slot='3'] legend")).ToHaveTextAsync("Evidence item 4");
        await page.SelectOptionAsync("#evidence-3-kind", "url");
        await page.FillAsync("#evidence-3-content", "https://example.org/thread/1");

        var response = await tab.SendAsync();
        Assert.Equal(200, response.Status);
        Assert.Contains("no-store", (await response.AllHeadersAsync())["cache-control"]);
        var (id, token) = await tab.ReceiptAsync();
        await Expect(page.Locator(".warning")).ToContainTextAsync("only on this page");
        Assert.DoesNotContain(tab.RequestUrls, url => url.Contains(token, StringComparison.Ordinal));

        // The token on the page is the report's real token.
        await IntakeApi.ReceiptStatusAsync(browser.System, id, token, "received");

        var stored = await browser.System.Api.TriageReportAsync(id);
        Assert.False(stored["unchallenged"]!.GetValue<bool>(), "a report sent with a solved proof of work is not unchallenged");
        Assert.Equal(title, stored["title"]!.GetValue<string>());
        Assert.Equal("huggingface", stored["model"]!["host"]!.GetValue<string>());
        Assert.Equal("acme/chatty-7b", stored["model"]!["id"]!.GetValue<string>());
        Assert.Equal("v2", stored["model"]!["revision"]!.GetValue<string>());
        Assert.Equal("https://huggingface.co/acme/chatty-7b/tree/v2", stored["model"]!["url"]!.GetValue<string>());
        Assert.Equal("hate", stored["category"]!.GetValue<string>());
        Assert.Equal("high", stored["severity"]!.GetValue<string>());
        Assert.Equal(["prompt", "output", "url"], stored["evidence"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal("rita@example.org", stored["reporter"]!["email"]!.GetValue<string>());
        Assert.True(stored["contactAllowed"]!.GetValue<bool>());

        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_validation_error_keeps_the_input_and_names_the_field()
    {
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        await tab.GotoAsync("/");
        var title = $"Kept title {Guid.NewGuid():N}";
        await tab.FillAsync(new FormInput(title, Category: null, Name: "Rita", Email: "not-an-address"));

        var response = await tab.SendAsync();
        Assert.Equal(200, response.Status);

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("li")).ToHaveCountAsync(2);
        await Expect(summary.Locator("a[href='#category-violent-crimes']")).ToHaveTextAsync("Choose the kind of harm.");
        await Expect(summary.Locator("a[href='#reporter-email']")).ToHaveTextAsync("Enter an e-mail address in the right format, like name@example.org.");
        Assert.StartsWith("Error:", await page.TitleAsync());

        // Each error sits next to its field and is announced with it.
        await Expect(page.Locator("#reporter-email-error")).ToContainTextAsync("Enter an e-mail address in the right format");
        await Expect(page.Locator("#reporter-email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#reporter-email")).ToHaveAttributeAsync("aria-describedby", "reporter-email-hint reporter-email-error");
        await Expect(page.Locator("#category-error")).ToContainTextAsync("Choose the kind of harm.");
        await Expect(page.Locator("fieldset.choices").First).ToHaveAttributeAsync("aria-describedby", "category-hint category-error");
        await Expect(page.Locator("#title")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // Everything entered is still there.
        await Expect(page.Locator("#title")).ToHaveValueAsync(title);
        await Expect(page.Locator("#reporter-email")).ToHaveValueAsync("not-an-address");
        await Expect(page.Locator("#reporter-name")).ToHaveValueAsync("Rita");
        await Expect(page.Locator("#model-url")).ToHaveValueAsync("https://huggingface.co/org/name");
        await Expect(page.Locator("#model-host")).ToHaveValueAsync("huggingface");
        await Expect(page.Locator("#evidence-0-content")).ToHaveValueAsync("Write something demeaning about them.");
        await Expect(page.Locator("#evidence-1-kind")).ToHaveValueAsync("output");
        await Expect(page.Locator("#severity-high")).ToBeCheckedAsync();
        await Expect(page.Locator("#good-faith")).ToBeCheckedAsync();

        // A summary link takes the reporter to the field; once corrected, the report goes through.
        await summary.Locator("a[href='#reporter-email']").ClickAsync();
        await Expect(page.Locator("#reporter-email")).ToBeFocusedAsync();
        await page.FillAsync("#reporter-email", "rita@example.org");
        await page.CheckAsync("#category-privacy");
        await tab.SendAsync();
        var (id, _) = await tab.ReceiptAsync();
        var stored = await browser.System.Api.TriageReportAsync(id);
        Assert.Equal("privacy", stored["category"]!.GetValue<string>());

        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_status_page_shows_the_maintainers_public_note_and_takes_the_answer()
    {
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        await tab.GotoAsync("/");
        await tab.FillAsync(new FormInput($"Needs more information {Guid.NewGuid():N}"));
        await tab.SendAsync();
        var (id, token) = await tab.ReceiptAsync();

        var note = $"Which quantisation did you run? ({Guid.NewGuid():N})";
        await IntakeApi.TransitionAsync(browser.System, id, "needs_info", note);
        await IntakeApi.ReceiptStatusAsync(browser.System, id, token, "needs_info");

        await page.ClickAsync("text=Follow your report on the status page");
        await page.FillAsync("#id", id.ToString());
        await page.FillAsync("#token", token);
        await tab.PostAsync("#show-status", "/status");
        await Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "needs_info");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Waiting for your answer");
        await Expect(page.Locator("#public-notes")).ToContainTextAsync(note);

        var answer = $"Q4_K_M, on llama.cpp ({Guid.NewGuid():N})";
        await page.FillAsync("#message", answer);
        await tab.PostAsync("#send-reply", "/status");
        await Expect(page.Locator("#reply-sent")).ToContainTextAsync("Your answer has been passed to the maintainers");
        await Expect(page.Locator("#reply-form")).ToHaveCountAsync(0);
        Assert.DoesNotContain(tab.RequestUrls, url => url.Contains(token, StringComparison.Ordinal));

        var stored = await browser.System.Api.TriageReportAsync(id, r => r["status"]!.GetValue<string>() == "triaging");
        Assert.Contains(stored["reporterMessages"]!.AsArray(), m => m!.ToJsonString().Contains(answer, StringComparison.Ordinal));

        tab.AssertNoConsoleErrors();
    }

    private static readonly string[] ModelAddresses =
    [
        "https://huggingface.co/meta-llama/Llama-3.1-8B", "huggingface.co/org/name", "https://hf.co/org/name/tree/v1.0",
        "https://huggingface.co/org/name/blob/main/config.json", "https://huggingface.co/org/name/resolve/abc/x.bin",
        "https://huggingface.co/datasets/org/name", "https://huggingface.co/gpt2", "https://HuggingFace.co/Org/Name",
        "https://github.com/org/repo.git", "https://github.com/org/repo/releases/tag/v1.2.3", "https://github.com/settings/profile",
        "https://civitai.com/models/4201/slug?modelVersionId=130072", "https://civitai.com/models/slug",
        "https://ollama.com/library/llama3:8b", "https://ollama.com/someone/model", "https://ollama.com/search?q=x",
        "https://www.modelscope.cn/models/qwen/Qwen2-7B/files", "https://www.kaggle.com/models/google/gemma/transformers/2b/1",
        "https://example.org/org/name", "https://user:pw@huggingface.co/org/name", "javascript:alert(1)", "https://huggingface.co/org/na%20me",
        "",
    ];

    [Fact]
    public async Task The_script_reads_model_addresses_as_the_server_does()
    {
        await using var tab = await browser.NewPageAsync();
        await tab.GotoAsync("/");
        foreach (var url in ModelAddresses)
        {
            var script = await tab.Page.EvaluateAsync<JsonElement>("u => window.SafetyReportsIntake.parseModelUrl(u)", url);
            if (!ModelPageUrl.TryParse(url, out var model))
            {
                Assert.True(script.ValueKind == JsonValueKind.Null, $"the script read {url} as {script}; the server does not");
                continue;
            }

            Assert.True(script.ValueKind == JsonValueKind.Object, $"the script did not read {url}; the server does");
            Assert.Equal(
                (model.Host, model.Id, model.Revision),
                (script.GetProperty("host").GetString(), script.GetProperty("id").GetString(), script.GetProperty("revision").GetString()));
        }

        tab.AssertNoConsoleErrors();
    }
}
