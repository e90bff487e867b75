using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// A site's stylesheets, scripts and icons, embedded in its assembly and served from it. Static web
/// assets of a referenced project are not served by another host (Standalone) once published, so the
/// files travel inside the DLL. Each URL carries a content hash: a changed file gets a new URL, so
/// responses can be cached for a year.
/// </summary>
public abstract class EmbeddedAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, Asset> _assets;
    private readonly string _routePrefix;

    /// <param name="resourcePrefix">The embedded resources' logical-name prefix, e.g. <c>IntakeAssets/</c>.</param>
    /// <param name="routePrefix">Where they are served, e.g. <c>/assets/intake</c>.</param>
    protected EmbeddedAssets(Assembly assembly, string resourcePrefix, string routePrefix)
    {
        _routePrefix = routePrefix;
        _assets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var bytes = buffer.ToArray();
                var name = n[resourcePrefix.Length..];
                var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
                return new Asset(name, bytes, ContentTypes[Path.GetExtension(name)], hash);
            })
            .ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
    }

    private sealed record Asset(string Name, byte[] Content, string ContentType, string Hash);

    /// <summary>The cache-busting URL of an embedded file, e.g. <c>/assets/intake/intake.css?v=…</c>.</summary>
    public string Url(string name) =>
        _assets.TryGetValue(name, out var asset)
            ? $"{_routePrefix}/{name}?v={asset.Hash}"
            : throw new ArgumentException($"No embedded asset {name}.", nameof(name));

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet(_routePrefix + "/{name}", (string name, string? v, HttpContext context) =>
        {
            if (!_assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = v == asset.Hash ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: new EntityTagHeaderValue($"\"{asset.Hash}\""));
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
