using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafetyReports.Identity.Configuration;
using SafetyReports.Notification.Evidence;
using SafetyReports.ServiceDefaults.Security;
using SafetyReports.Triage.Evidence;

namespace SafetyReports.Standalone;

/// <summary>
/// In one process evidence files still move over HTTP with tokens of their own (the same path as apart): Triage pulls them
/// from Intake (<c>evidence:read</c>) and Notification reads a shared one from Triage for a host (<c>evidence:shared</c>).
/// Standalone registers each client with its one scope and a secret from configuration or, when none is set, a fresh random
/// one per start, and points each at this process's own address.
/// </summary>
public static class EvidenceClientWiring
{
    public static void Apply(WebApplicationBuilder builder)
    {
        Register<IIntakeAddress>(builder, EvidenceHandoverOptions.Section, EvidenceHandoverOptions.DefaultClientId, Scopes.EvidenceRead,
            nameof(EvidenceHandoverOptions.IntakeUrl), own => new OwnIntakeAddress(own), (reserved, id) => reserved.Triage = id);
        Register<ITriageAddress>(builder, SharedEvidenceOptions.Section, SharedEvidenceOptions.DefaultClientId, Scopes.EvidenceShared,
            nameof(SharedEvidenceOptions.TriageUrl), own => new OwnTriageAddress(own), (reserved, id) => reserved.Notification = id);
    }

    /// <param name="reserve">Makes the client the one Identity lets hold <paramref name="scope"/> (in one process, one setting says it).</param>
    private static void Register<TAddress>(
        WebApplicationBuilder builder, string sectionName, string defaultClientId, string scope, string addressKey, Func<OwnTransparencySource, TAddress> address,
        Action<EvidenceClientOptions, string> reserve)
        where TAddress : class
    {
        var section = builder.Configuration.GetSection(sectionName);
        var clientId = section["ClientId"] is { Length: > 0 } id ? id : defaultClientId;
        var secret = section["ClientSecret"];
        if (string.IsNullOrEmpty(secret))
        {
            secret = SecretHasher.NewToken();
            builder.Configuration.AddInMemoryCollection([new($"{sectionName}:ClientSecret", secret)]);
        }

        if (string.IsNullOrEmpty(section[addressKey]))
        {
            // Registered before the modules, whose own registration (the configured address) then stands aside.
            builder.Services.AddSingleton(sp => address(new OwnTransparencySource(sp.GetRequiredService<IServer>())));
        }

        builder.Services.PostConfigure<IdentityServiceOptions>(options =>
        {
            reserve(options.EvidenceClients, clientId);
            // An operator who seeds the client explicitly keeps full control of it.
            if (options.Clients.Any(c => c.ClientId == clientId))
            {
                return;
            }

            options.Clients.Add(new SeededClientOptions { ClientId = clientId, ClientSecret = secret, Scopes = [scope] });
        });
    }

    /// <summary>This process's own listening address, as the public page uses it for the figures.</summary>
    private sealed class OwnIntakeAddress(OwnTransparencySource own) : IIntakeAddress
    {
        public Uri BaseAddress => own.BaseAddress;
    }

    private sealed class OwnTriageAddress(OwnTransparencySource own) : ITriageAddress
    {
        public Uri BaseAddress => own.BaseAddress;
    }
}
