using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SafetyReports.Triage.Evidence;

public static class EvidenceHandoverRegistration
{
    /// <summary>What pulls evidence files from Intake; an <see cref="IIntakeAddress"/> registered before (Standalone's own address) stands.</summary>
    public static void AddTriageEvidenceHandover(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EvidenceHandoverOptions, EvidenceHandoverOptionsValidator>(configuration, EvidenceHandoverOptions.Section);
        services.AddOptions<IdentityAuthorityOptions>().Bind(configuration.GetSection(IdentityAuthorityOptions.Section));
        services.TryAddSingleton<IIntakeAddress, ConfiguredIntakeAddress>();
        services.AddSingleton<EvidenceAccessToken>();
        services.TryAddSingleton<IEvidenceFileSource, IntakeEvidenceSource>();
        services.AddHttpClient(EvidenceAccessToken.TokenClientName, http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        // Up to 10 MiB a file from a service beside this one.
        services.AddHttpClient(IntakeEvidenceSource.HttpClientName, http => http.Timeout = TimeSpan.FromMinutes(2)).RemoveAllLoggers();
    }
}
