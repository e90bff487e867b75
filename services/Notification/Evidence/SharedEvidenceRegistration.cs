using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.Notification.Evidence;

public static class SharedEvidenceRegistration
{
    /// <summary>What reads shared files from Triage; an <see cref="ITriageAddress"/> registered before (Standalone's own address) stands.</summary>
    public static void AddSharedEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SharedEvidenceOptions, SharedEvidenceOptionsValidator>(configuration, SharedEvidenceOptions.Section);
        services.AddOptions<IdentityAuthorityOptions>().Bind(configuration.GetSection(IdentityAuthorityOptions.Section));
        services.TryAddSingleton<ITriageAddress, ConfiguredTriageAddress>();
        services.AddSingleton<SharedEvidenceAccessToken>();
        services.AddSingleton<TriageSharedEvidence>();
        services.AddHttpClient(SharedEvidenceAccessToken.TokenClientName, http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        // Up to 10 MiB a file from a service beside this one.
        services.AddHttpClient(TriageSharedEvidence.HttpClientName, http => http.Timeout = TimeSpan.FromMinutes(2)).RemoveAllLoggers();
    }
}
