using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using SafetyReports.Standalone;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>One route of the endpoint data source: an HTTP method, or <c>*</c> for a page that answers any.</summary>
public sealed record MappedRoute(string Method, string Path)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Every route a Standalone system maps, read from its endpoint data sources (no request is made).</summary>
public static partial class MappedRoutes
{
    /// <summary>The routes of an application, built or started.</summary>
    public static IReadOnlyList<MappedRoute> Of(IEndpointRouteBuilder app) =>
        app.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => new MappedRoute(method, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .ToList();

    /// <summary>The routes of Standalone, which maps every service: built with a scratch data folder, never started.</summary>
    public static async Task<IReadOnlyList<MappedRoute>> OfStandaloneAsync()
    {
        using var data = new TempDirectory("safetyreports-routes");
        await using var app = StandaloneApp.Build([$"--SafetyReports:Storage:DataDirectory={data.Path}"]);
        return Of(app);
    }

    /// <summary>Route parameters (with or without constraints) and concrete ids, host ids and asset names all become <c>{}</c>.</summary>
    public static string Shape(string path) => Placeholder().Replace(path, "{}");

    [GeneratedRegex(@"\{[^}]+\}|hub-a|(?<=/assets/[a-z]+/)[a-z0-9.-]+$|(?<=/openapi/)[a-z0-9]+(?=\.json$)")]
    private static partial Regex Placeholder();
}
