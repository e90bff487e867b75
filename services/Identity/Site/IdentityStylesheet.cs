using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace SafetyReports.Identity.Site;

/// <summary>
/// The sign-in pages' one stylesheet, embedded in this assembly (as Intake's assets are) so it is
/// served the same by Identity's own host and by Standalone. The URL carries a content hash.
/// </summary>
public sealed class IdentityStylesheet
{
    public const string Route = "/assets/identity/identity.css";
    private const string ResourceName = "IdentityAssets/identity.css";

    private readonly byte[] _content;
    private readonly string _hash;

    public IdentityStylesheet()
    {
        using var stream = typeof(IdentityStylesheet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        _content = buffer.ToArray();
        _hash = Convert.ToHexStringLower(SHA256.HashData(_content))[..16];
    }

    public string Url => $"{Route}?v={_hash}";

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Route, (string? v, HttpContext context) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = v == _hash ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Bytes(_content, "text/css; charset=utf-8", entityTag: new EntityTagHeaderValue($"\"{_hash}\""));
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
