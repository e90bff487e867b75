using Microsoft.AspNetCore.Mvc.ApplicationParts;

namespace SafetyReports.Identity.Site;

/// <summary>
/// The sign-in pages (Razor Pages under Pages/IdentitySite), their stylesheet and the Identity cookie.
/// Works the same in Identity's own host and inside Standalone.
/// </summary>
public static class IdentitySite
{
    public const string PagesFolder = "/IdentitySite";

    /// <summary>
    /// The same <c>WebApplication.Properties</c> key Intake's site uses (Intake is not referenced here):
    /// Razor Pages are mapped once per app, whichever module asks first.
    /// </summary>
    public const string RazorPagesMappedKey = "SafetyReports.RazorPagesMapped";

    public static void AddIdentitySite(this IServiceCollection services)
    {
        services.AddSingleton<IdentityAssets>();
        services.AddSingleton<UnknownAccountThrottle>();
        services.AddAuthentication().AddCookie(IdentityCookie.Scheme, IdentityCookie.Configure);
        services.AddRazorPages(o => o.Conventions.AddFolderApplicationModelConvention(PagesFolder, m => m.Filters.Add(new SignInPageHeaders())))
            // In Standalone (and in tests) the entry assembly is not Identity, so its pages are added explicitly.
            .ConfigureApplicationPartManager(parts =>
            {
                var assembly = typeof(IdentitySite).Assembly;
                if (parts.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == assembly))
                {
                    return;
                }

                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            });
    }

    public static void MapIdentitySite(this WebApplication app)
    {
        app.Services.GetRequiredService<IdentityAssets>().Map(app);
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.ContainsKey(RazorPagesMappedKey))
        {
            properties[RazorPagesMappedKey] = true;
            app.MapRazorPages();
        }
    }
}
