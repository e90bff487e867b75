using System.Diagnostics;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// The services' own request log: one line per request at Information, with the query string replaced by
/// <c>?[redacted]</c>. Queries carry what must not reach a log: search words (a reporter's e-mail typed into the queue's
/// search), OAuth codes and states (<c>/portal/signin-oidc?code=…</c>). ASP.NET Core's and HttpClient's own request
/// logs write whole URLs at Information, so their categories default to Warning (an operator may still raise them).
/// </summary>
public static partial class RequestLog
{
    public const string Category = "SafetyReports.Requests";

    public const string RedactedQuery = "?[redacted]";

    /// <summary>Lowest-priority defaults: any configuration source overrides them.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FrameworkLogLevels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    public static void AddDefaults(IConfigurationBuilder configuration) =>
        configuration.AddLowestPriorityDefaults(new Dictionary<string, string?>(FrameworkLogLevels));

    /// <summary>The path as logged: never the query string, only whether there was one.</summary>
    public static string Target(HttpRequest request) =>
        request.PathBase.Add(request.Path).ToUriComponent() + (request.QueryString.HasValue ? RedactedQuery : "");

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Answered(logger, context.Request.Method, Target(context.Request), context.Response.StatusCode,
                    (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Target} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    private static partial void Answered(ILogger logger, string method, string target, int statusCode, long elapsedMilliseconds);
}
