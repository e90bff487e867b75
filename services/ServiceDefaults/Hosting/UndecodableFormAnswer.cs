namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// Endpoint metadata: a form post to this endpoint whose body cannot be decoded (a NUL or invalid UTF-8 in a
/// percent-escape, a value beyond the form limits) is answered 400 with this body, before authentication.
/// Needed where a framework reads the form in its own handler and lets the decoding error escape as a 500
/// (OpenIddict reads <c>/connect/*</c> forms while authenticating).
/// </summary>
public sealed record UndecodableFormAnswer(string ContentType, string Body)
{
    public static IApplicationBuilder UseUndecodableFormAnswers(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<UndecodableFormAnswer>() is { } answer && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    context.Response.ContentType = answer.ContentType;
                    await context.Response.WriteAsync(answer.Body, context.RequestAborted);
                    return;
                }
            }

            await next(context);
        });
}
