using System.Globalization;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Intake.Site;

/// <summary>
/// Which of the <see cref="SupportedLanguages"/> a public page is written in: the reader's choice from the
/// language switcher (<c>?lang=</c>, remembered in a cookie), else the browser's <c>Accept-Language</c>,
/// else English.
/// </summary>
public static class PageLanguage
{
    public const string QueryKey = "lang";
    public const string CookieName = "SafetyReports.Language";

    private static readonly object ItemKey = new();

    /// <summary>Each language's name in itself, as the switcher shows it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Autonyms = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["es"] = "Español",
        ["fr"] = "Français",
        ["de"] = "Deutsch",
        ["zh-Hans"] = "简体中文",
        ["ar"] = "العربية",
    };

    /// <summary>The tag a request's page is written in (set by <see cref="PageCulture"/>; English outside the public pages).</summary>
    public static string Of(HttpContext context) => context.Items[ItemKey] as string ?? SupportedLanguages.Default;

    public static string Direction(string tag) => SupportedLanguages.IsRightToLeft(tag) ? "rtl" : "ltr";

    public static CultureInfo Culture(string tag) => CultureInfo.GetCultureInfo(tag);

    /// <summary>
    /// Chooses the request's language, remembers it for the page, and keeps a switcher choice in a cookie so that
    /// the next pages (and the form's POST) stay in it.
    /// </summary>
    public static string Choose(HttpContext context)
    {
        var request = context.Request;
        var chosen = SupportedLanguages.Match(request.Query[QueryKey].ToString());
        if (chosen is not null)
        {
            if (request.Cookies[CookieName] != chosen)
            {
                context.Response.Cookies.Append(CookieName, chosen, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = request.IsHttps,
                    IsEssential = true,
                    Path = "/",
                    MaxAge = TimeSpan.FromDays(365),
                });
            }
        }
        else
        {
            chosen = SupportedLanguages.Match(request.Cookies[CookieName]) ?? FromAcceptLanguage(request) ?? SupportedLanguages.Default;
        }

        context.Items[ItemKey] = chosen;
        return chosen;
    }

    /// <summary>The first supported language of the header, by the reader's weights (ties keep their order).</summary>
    public static string? FromAcceptLanguage(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var ranges))
        {
            return null;
        }

        return ranges
            .Where(r => r.Quality is not <= 0)
            .OrderByDescending(r => r.Quality ?? 1)
            .Select(r => SupportedLanguages.Match(r.Value.Value))
            .FirstOrDefault(tag => tag is not null);
    }
}
