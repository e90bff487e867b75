using Microsoft.AspNetCore.Antiforgery;

namespace SafetyReports.ServiceDefaults.Security;

/// <summary>
/// The antiforgery check of pages that show the form again when it fails. A form body that cannot be
/// decoded (a NUL or invalid UTF-8 in a percent-escape) makes the framework throw while looking for the
/// token; such a post is as untrustworthy as one without a token, so it is refused the same way
/// instead of ending in a 500.
/// </summary>
public static class FormTokenCheck
{
    public static async Task<bool> IsValidFormPostAsync(this IAntiforgery antiforgery, HttpContext context)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
