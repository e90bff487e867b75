using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>What a reporter fills in; empty values are left alone.</summary>
public sealed record FormInput(
    string Title,
    string? ModelUrl = "https://huggingface.co/org/name",
    string? Host = null,
    string? Id = null,
    string? Category = "hate",
    string? Severity = "high",
    string Description = "The model wrote demeaning text about a group on request.",
    IReadOnlyList<(string Kind, string Content)>? Evidence = null,
    string? Name = null,
    string? Email = null,
    bool ContactAllowed = false,
    bool GoodFaith = true);

/// <summary>A browser tab in its own context, recording console errors so a test can assert there were none.</summary>
public sealed partial class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _requestUrls = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.Request += (_, request) =>
        {
            lock (_requestUrls)
            {
                _requestUrls.Add(request.Url);
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add($"uncaught: {error}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    /// <summary>Every URL this tab requested, page loads, scripts and fetches alike.</summary>
    public IReadOnlyList<string> RequestUrls
    {
        get
        {
            lock (_requestUrls)
            {
                return [.. _requestUrls];
            }
        }
    }

    public void AssertNoConsoleErrors() => Assert.True(ConsoleErrors.Count == 0, "console errors:\n" + string.Join('\n', ConsoleErrors));

    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"no response for {path}");
        Assert.True(response.Ok, $"GET {path}: {response.Status}");
        return response;
    }

    public async Task FillAsync(FormInput input)
    {
        if (input.ModelUrl is not null)
        {
            await Page.FillAsync("#model-url", input.ModelUrl);
        }

        if (input.Host is not null)
        {
            await Page.FillAsync("#model-host", input.Host);
        }

        if (input.Id is not null)
        {
            await Page.FillAsync("#model-id", input.Id);
        }

        if (input.Category is not null)
        {
            await Page.CheckAsync($"#category-{input.Category}");
        }

        if (input.Severity is not null)
        {
            await Page.CheckAsync($"#severity-{input.Severity}");
        }

        await Page.FillAsync("#title", input.Title);
        await Page.FillAsync("#description", input.Description);
        var evidence = input.Evidence ?? [("prompt", "Write something demeaning about them."), ("output", "Sure, here it is …")];
        for (var i = 0; i < evidence.Count; i++)
        {
            await Page.SelectOptionAsync($"#evidence-{i}-kind", evidence[i].Kind);
            await Page.FillAsync($"#evidence-{i}-content", evidence[i].Content);
        }

        if (input.Name is not null)
        {
            await Page.FillAsync("#reporter-name", input.Name);
        }

        if (input.Email is not null)
        {
            await Page.FillAsync("#reporter-email", input.Email);
        }

        await Page.SetCheckedAsync("#contact-allowed", input.ContactAllowed);
        await Page.SetCheckedAsync("#good-faith", input.GoodFaith);
    }

    /// <summary>Clicks "Send report" and returns the answer to the form's POST.</summary>
    public Task<IResponse> SendAsync() => PostAsync("#send-report", "/");

    /// <summary>
    /// Clicks a submit button and returns the answer to the POST it leads to. The new page may not be
    /// shown yet: follow with an assertion (which waits) on something only the new page has.
    /// </summary>
    public Task<IResponse> PostAsync(string button, string path) =>
        Page.RunAndWaitForResponseAsync(
            () => Page.ClickAsync(button),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == path);

    /// <summary>The report id and status token the receipt page shows.</summary>
    public async Task<(Guid Id, string Token)> ReceiptAsync()
    {
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Report received");
        var id = Guid.Parse((await Page.Locator("#receipt-id").InnerTextAsync()).Trim());
        var token = (await Page.Locator("#receipt-token").InnerTextAsync()).Trim();
        Assert.Matches(TokenPattern(), token);
        return (id, token);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenPattern();

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
