using Microsoft.AspNetCore.Mvc.Filters;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// Headers of the server-rendered pages (the public site, the sign-in pages, the portal): the page's own content
/// security policy, no MIME sniffing, no referrer, no framing, and no cache keeps a page (they may hold a status
/// token, reporter data or a half-written form). A site adds what only it needs in <see cref="AddSiteHeaders"/>.
/// </summary>
public abstract class PageSecurityHeaders(string contentSecurityPolicy) : IAsyncPageFilter
{
    public const string NoDevicePermissions = "camera=(), microphone=(), geolocation=()";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        AddSiteHeaders(headers);
        return Task.CompletedTask;
    }

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) => next();

    protected virtual void AddSiteHeaders(IHeaderDictionary headers)
    {
    }
}
