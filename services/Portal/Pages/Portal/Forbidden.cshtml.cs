namespace SafetyReports.Portal.Pages.Portal;

/// <summary><c>/portal/forbidden</c>: a signed-in user without the role a page needs (a triager on an admin page) lands here, with status 403.</summary>
public sealed class ForbiddenModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
