using Microsoft.Extensions.Localization;
using SafetyReports.Portal.Auth;

namespace SafetyReports.Portal.Pages.Portal;

/// <summary>What every portal page shares: its messages, its field errors and how an API problem is shown.</summary>
public abstract class PortalPageModel : PageModel
{
    /// <summary>Shown in the page's <c>role="alert"</c> box.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Field name (as the API names it) → message, shown beside the input.</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>A success message (<c>role="status"</c>).</summary>
    public string? Notice { get; set; }

    public string? UserName => User.Identity?.Name;

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    /// <summary>The host a signed-in host user is bound to; null for maintainers.</summary>
    public string? OwnHostId => PortalUser.HostIdOf(User);

    protected IStringLocalizer<PortalText> Text => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<PortalText>>();

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);

    /// <summary>The portal's own checks of a form failed: each message beside its field, and the page's alert says to fix them.</summary>
    protected void ShowFormErrors(IReadOnlyDictionary<string, FormError> errors)
    {
        foreach (var (field, error) in errors)
        {
            FieldErrors[field] = Text[error.Key, error.Limit];
        }

        if (errors.Count > 0)
        {
            Errors.Add(Text["Error_FixFields"]);
        }
    }

    /// <summary>The message of a <c>?done=…</c> redirect after a successful action (Post/Redirect/Get).</summary>
    protected void ShowDone(string? done)
    {
        if (done is { Length: > 0 and <= 40 } && done.All(c => char.IsAsciiLetter(c) || c == '_') && Text[$"Done_{done}"] is { ResourceNotFound: false } message)
        {
            Notice = message.Value;
        }
    }

    /// <summary>
    /// The page's input an API field error belongs to: the same name, or an item's list (<c>territorialScope[1]</c>), or a
    /// nested field's own name (<c>notice.shareEvidence</c> is the form's <c>shareEvidence</c>).
    /// </summary>
    public static string InputFor(string field, IReadOnlyCollection<string> fields)
    {
        var list = field.Split('[', 2)[0];
        var leaf = list[(list.LastIndexOf('.') + 1)..];
        return fields.Contains(field) ? field : fields.Contains(list) ? list : leaf;
    }

    /// <summary>
    /// Puts an API problem on the page: field errors beside the fields the page has, the rest in the alert.
    /// Returns a result when the page cannot go on (the session's token was refused: sign in again).
    /// </summary>
    protected async Task<IActionResult?> ShowProblemAsync(ApiProblem problem, params string[] fields)
    {
        switch (problem.Outcome)
        {
            case ApiOutcome.Unauthorized:
                await HttpContext.SignOutAsync(PortalSchemes.Cookie);
                var back = HttpMethods.IsGet(Request.Method) ? Request.Path + Request.QueryString : (string)Request.Path;
                return Challenge(new AuthenticationProperties { RedirectUri = LocalReturnUrl.Sanitize(back) }, PortalSchemes.OpenIdConnect);
            case ApiOutcome.Forbidden:
                Errors.Add(Text["Error_ApiForbidden"]);
                break;
            case ApiOutcome.NotFound:
                Errors.Add(problem.Detail ?? Text["Error_NotFound"]);
                break;
            case ApiOutcome.Conflict:
                Errors.Add(problem.Detail ?? Text["Error_Conflict"]);
                break;
            case ApiOutcome.Invalid:
                foreach (var (field, messages) in problem.FieldErrors)
                {
                    var input = InputFor(field, fields);
                    if (fields.Contains(input))
                    {
                        FieldErrors[input] = FieldErrors.TryGetValue(input, out var earlier) && earlier != string.Join(" ", messages)
                            ? $"{earlier} {string.Join(" ", messages)}"
                            : string.Join(" ", messages);
                    }
                    else
                    {
                        Errors.AddRange(messages.Select(m => field.Length == 0 ? m : $"{field}: {m}"));
                    }
                }

                if (problem.FieldErrors.Count == 0)
                {
                    Errors.Add(problem.Detail ?? problem.Title ?? Text["Error_Invalid"]);
                }
                else
                {
                    Errors.Insert(0, Text["Error_FixFields"]);
                }

                break;
            default:
                Errors.Add(Text["Error_Unavailable"]);
                break;
        }

        return null;
    }
}
