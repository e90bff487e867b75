using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SafetyReports.Intake.Transparency;

/// <summary>
/// The public transparency page (<c>/transparency</c> and <c>/transparency/models?host=</c>, Razor Pages under
/// Pages/IntakeSite/Transparency) and its downloads. The figures belong to Triage: Intake reads them from <c>SafetyReports:Intake:TransparencySource</c>
/// over HTTP, briefly cached.
/// </summary>
public static class TransparencyPage
{
    public const string Path = "/transparency";
    public const string ModelsPath = Path + "/models";

    public static void AddTransparencyPage(this IServiceCollection services)
    {
        // A host (Standalone) may have registered where Triage is before this: it knows its own address.
        services.TryAddSingleton<ITransparencySourceAddress, ConfiguredTransparencySource>();
        services.AddHttpClient(TransparencyApiClient.HttpClientName, http => http.Timeout = TransparencyApiClient.Timeout)
            // The factory's own logs carry full URLs (host names typed by visitors); the client logs what is useful.
            .RemoveAllLoggers();
        services.AddSingleton<TransparencyApiClient>();
        services.AddSingleton<TransparencyFiguresCache>();
        services.AddSingleton<TransparencyReader>();
    }

    public static void MapTransparencyDownloads(this WebApplication app)
    {
        app.MapGet(Path + "/hosts.json", (string? from, string? to, TransparencyFiguresCache cache, CancellationToken ct) =>
            TransparencyDownload.AnswerAsync(cache, from, to, null, csv: false, ct));
        app.MapGet(Path + "/hosts.csv", (string? from, string? to, TransparencyFiguresCache cache, CancellationToken ct) =>
            TransparencyDownload.AnswerAsync(cache, from, to, null, csv: true, ct));
        app.MapGet(Path + "/models.json", (string? host, string? from, string? to, TransparencyFiguresCache cache, CancellationToken ct) =>
            TransparencyDownload.AnswerAsync(cache, from, to, host ?? "", csv: false, ct));
        app.MapGet(Path + "/models.csv", (string? host, string? from, string? to, TransparencyFiguresCache cache, CancellationToken ct) =>
            TransparencyDownload.AnswerAsync(cache, from, to, host ?? "", csv: true, ct));
        // The errata of the period, of the hosts figures or (with host) of that host's models: a table of its own (docs/transparency.md, "CSV").
        app.MapGet(Path + "/errata.csv", (string? host, string? from, string? to, TransparencyFiguresCache cache, CancellationToken ct) =>
            TransparencyDownload.AnswerAsync(cache, from, to, host, csv: true, ct, errata: true));
    }

    /// <summary>
    /// A page or download of the transparency site with its query, every value URL-encoded. The host travels in
    /// the query rather than the path: a name from a reporter may hold any character, "/" included.
    /// </summary>
    public static string Link(string path, string? host = null, string? from = null, string? to = null, string? time = null)
    {
        var query = new[] { ("host", host), ("from", from), ("to", to), ("time", time) }
            .Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!))
            .ToList();
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }
}
