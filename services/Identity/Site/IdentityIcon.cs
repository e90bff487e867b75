using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SafetyReports.Identity.Site;

/// <summary>
/// The sign-in pages' icon: without one, browsers ask for /favicon.ico, which no service serves, and
/// log a failed request on every sign-in.
/// </summary>
public static class IdentityIcon
{
    public const string Route = "/assets/identity/icon.svg";

    private const string Svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#1d4ed8\"/>" +
        "<path d=\"M4 8.5l2.5 2.5L12 5.5\" stroke=\"#fff\" stroke-width=\"2\" fill=\"none\"/></svg>";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Route, (HttpContext context) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(Svg, "image/svg+xml");
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
