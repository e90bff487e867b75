using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SafetyReports.Intake.Evidence;

/// <summary>
/// Raises the server's request body limit for a submission with files to <see cref="EvidenceFileLimits.RequestCeiling"/>,
/// before anything reads the body: so an oversized post within that ceiling reaches the rules and is answered by them (the
/// form comes back with its field error rather than the browser's own error page). Nothing changes while files are off.
/// </summary>
public static class EvidenceRequestLimit
{
    public static void Apply(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value.EvidenceFiles.Enabled
            || context.Features.Get<IHttpMaxRequestBodySizeFeature>() is not { IsReadOnly: false } limit)
        {
            return;
        }

        limit.MaxRequestBodySize = context.RequestServices.GetRequiredService<EvidenceFileRules>().Limits.RequestCeiling;
    }

    /// <summary>For the report form: runs when its handler is chosen, before model binding reads the form.</summary>
    public sealed class PageFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context) => Apply(context.HttpContext);

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
