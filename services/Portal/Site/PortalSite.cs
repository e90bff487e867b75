using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using SafetyReports.Portal.Auth;

namespace SafetyReports.Portal.Site;

/// <summary>The portal's Razor Pages (Pages/Portal), their embedded stylesheet and their strings (Resources/PortalText.resx).</summary>
public static class PortalSite
{
    public const string PagesFolder = "/Portal";

    /// <summary>The same key as the public site's: Razor Pages are mapped once per app, whichever module asks first.</summary>
    public const string RazorPagesMappedKey = "SafetyReports.RazorPagesMapped";

    public static void AddPortalSite(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddHttpContextAccessor();
        services.AddSingleton<PortalAssets>();
        services.AddSingleton<PortalPageHeaders>();
        services.AddRazorPages(o =>
            {
                o.Conventions.AddFolderApplicationModelConvention(PagesFolder, m => m.Filters.Add(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(PortalPageHeaders))));
                // One policy per page (PortalPolicies.ForPage), not nested folder policies: a host inbox page must not also need a maintainer.
                o.Conventions.AddFolderApplicationModelConvention(PagesFolder, m => m.EndpointMetadata.Add(new AuthorizeAttribute(PortalPolicies.ForPage(m.ViewEnginePath))));
                o.Conventions.AllowAnonymousToPage($"{PagesFolder}/Forbidden");
                o.Conventions.AllowAnonymousToPage($"{PagesFolder}/SignedOut");
                o.Conventions.AllowAnonymousToPage($"{PagesFolder}/SignIn");
            })
            // In Standalone (and in tests) the entry assembly is not the Portal, so its pages are added explicitly.
            .ConfigureApplicationPartManager(parts =>
            {
                var assembly = typeof(PortalSite).Assembly;
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

    public static void MapPortalSite(this WebApplication app)
    {
        app.Services.GetRequiredService<PortalAssets>().Map(app);
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.ContainsKey(RazorPagesMappedKey))
        {
            properties[RazorPagesMappedKey] = true;
            app.MapRazorPages();
        }
    }
}
