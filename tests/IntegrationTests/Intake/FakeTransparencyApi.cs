using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// A stand-in for Triage's transparency API on 127.0.0.1 serving fixed JSON, for the page's states the real
/// system cannot easily be put in: withheld figures, and a published disclosures list.
/// </summary>
public sealed class FakeTransparencyApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeTransparencyApi(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl => _app.Urls.First() + "/";

    /// <param name="answers">Path (without query) → JSON body; any other path is a 404.</param>
    public static async Task<FakeTransparencyApi> StartAsync(IReadOnlyDictionary<string, string> answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/{**path}", (HttpContext context) => answers.TryGetValue(context.Request.Path.Value!, out var json)
            ? Results.Text(json, "application/json")
            : Results.NotFound());
        await app.StartAsync();
        return new FakeTransparencyApi(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
