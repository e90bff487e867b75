using Microsoft.AspNetCore.Http;

namespace SafetyReports.Intake.Api;

/// <summary>
/// The public site's front page. The full report form (no-JavaScript, accessible, translated)
/// is its own piece of work; until then the page explains how to report through the API.
/// </summary>
internal static class LandingPage
{
    public static IResult Render() => Results.Content("""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>SafetyReports — report a harmful use of an open model</title></head>
        <body>
        <main>
        <h1>Report a harmful use of an open AI model</h1>
        <p>Submit a report with <code>POST /api/v1/reports</code> (JSON). The categories are listed at
        <a href="/api/v1/taxonomy">/api/v1/taxonomy</a>; the API is described at <a href="/openapi/v1.json">/openapi/v1.json</a>.</p>
        <p>You receive a report id and a status token. Keep the token: it is shown once and lets you follow your report.</p>
        </main>
        </body>
        </html>
        """, "text/html; charset=utf-8");
}
