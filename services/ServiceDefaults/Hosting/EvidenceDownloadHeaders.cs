namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// What every download of an evidence file carries, wherever it is served from (Triage's API, the portal): never sniffed,
/// sandboxed with the baseline's restrictions kept, so a file opened anyway runs nothing and loads nothing; never cached.
/// </summary>
public static class EvidenceDownloadHeaders
{
    public const string ContentSecurityPolicy = "sandbox; " + BaselineSecurityHeaders.ContentSecurityPolicy;

    public static void Apply(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
    }
}
