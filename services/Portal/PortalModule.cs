using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SafetyReports.Portal;

/// <summary>
/// The maintainers' portal. For now a placeholder page: the triage UI arrives with its own issue
/// and will call the Triage and Notification APIs as a backend-for-frontend.
/// </summary>
public static class PortalModule
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.MapGet("/portal", () => Results.Content(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SafetyReports portal</title></head>" +
            "<body><h1>SafetyReports portal</h1><p>The maintainers' portal is not built yet; use the Triage API.</p></body></html>",
            "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }
}
