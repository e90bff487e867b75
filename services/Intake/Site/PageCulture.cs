using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SafetyReports.Intake.Site;

/// <summary>
/// Runs a public page (binding, handler and rendering) in its reader's language (<see cref="PageLanguage"/>).
/// A filter of the public pages alone, not middleware: in Standalone the portal and the APIs share the process
/// and stay in the invariant culture, and the culture set here ends with the request.
/// </summary>
public sealed class PageCulture : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var tag = PageLanguage.Choose(context.HttpContext);
        context.HttpContext.Response.Headers.ContentLanguage = tag;
        var culture = PageLanguage.Culture(tag);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        await next();
    }
}
