using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc.ApplicationParts;

namespace SafetyReports.Intake.Site;

/// <summary>
/// The public site: the report form, receipt, status and help pages (Razor Pages under
/// Pages/IntakeSite), their embedded stylesheet and scripts, and their strings (Resources/IntakeText.resx).
/// </summary>
public static class IntakeSite
{
    public const string PagesFolder = "/IntakeSite";

    /// <summary>Set in <c>WebApplication.Properties</c> once Razor Pages are mapped: they are mapped once per app, whichever module asks.</summary>
    public const string RazorPagesMappedKey = "SafetyReports.RazorPagesMapped";

    public static void AddIntakeSite(this IServiceCollection services)
    {
        services.AddLocalization();
        // Pages in Chinese or Arabic are written as themselves rather than as &#x…; for every character. Markup
        // characters (< > & " ') and invisible or control characters stay escaped: hostile text stays text.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<IntakeAssets>();
        services.AddRazorPages(o =>
            {
                o.Conventions.AddFolderApplicationModelConvention(PagesFolder, m =>
                {
                    m.Filters.Add(new PublicPageHeaders());
                    m.Filters.Add(new PageCulture());
                });
                // The report form takes files: its body may be as large as the files allowed (and their refusal's margin).
                o.Conventions.AddPageApplicationModelConvention(PagesFolder + "/Report", m => m.Filters.Add(new Evidence.EvidenceRequestLimit.PageFilter()));
            })
            // In Standalone (and in tests) the entry assembly is not Intake, so its pages are added explicitly.
            .ConfigureApplicationPartManager(parts =>
            {
                var assembly = typeof(IntakeSite).Assembly;
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

    public static void MapIntakeSite(this WebApplication app)
    {
        app.Services.GetRequiredService<IntakeAssets>().Map(app);
        var properties = ((IApplicationBuilder)app).Properties;
        if (!properties.ContainsKey(RazorPagesMappedKey))
        {
            properties[RazorPagesMappedKey] = true;
            app.MapRazorPages();
        }
    }
}
