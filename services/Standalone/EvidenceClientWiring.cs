using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafetyReports.Identity.Configuration;
using SafetyReports.ServiceDefaults.Security;
using SafetyReports.Triage.Evidence;

namespace SafetyReports.Standalone;

/// <summary>
/// In one process Triage still pulls evidence files from Intake over HTTP, with a token of its own (the same path as
/// apart): Standalone registers Triage's evidence client with the <c>evidence:read</c> scope and a secret from
/// configuration or, when none is set, a fresh random one per start, and points Triage at this process's own address.
/// </summary>
public static class EvidenceClientWiring
{
    public static void Apply(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EvidenceHandoverOptions.Section);
        var clientId = section[nameof(EvidenceHandoverOptions.ClientId)] is { Length: > 0 } id ? id : EvidenceHandoverOptions.DefaultClientId;
        var secret = section[nameof(EvidenceHandoverOptions.ClientSecret)];
        if (string.IsNullOrEmpty(secret))
        {
            secret = SecretHasher.NewToken();
            builder.Configuration.AddInMemoryCollection([new($"{EvidenceHandoverOptions.Section}:{nameof(EvidenceHandoverOptions.ClientSecret)}", secret)]);
        }

        if (string.IsNullOrEmpty(section[nameof(EvidenceHandoverOptions.IntakeUrl)]))
        {
            // Registered before AddTriage, whose own registration (the configured address) then stands aside.
            builder.Services.AddSingleton<IIntakeAddress>(sp => new OwnIntakeAddress(new OwnTransparencySource(sp.GetRequiredService<IServer>())));
        }

        builder.Services.PostConfigure<IdentityServiceOptions>(options =>
        {
            // An operator who seeds the client explicitly keeps full control of it.
            if (options.Clients.Any(c => c.ClientId == clientId))
            {
                return;
            }

            options.Clients.Add(new SeededClientOptions { ClientId = clientId, ClientSecret = secret, Scopes = [Scopes.EvidenceRead] });
        });
    }

    /// <summary>This process's own listening address, as the public page uses it for the figures.</summary>
    private sealed class OwnIntakeAddress(OwnTransparencySource own) : IIntakeAddress
    {
        public Uri BaseAddress => own.BaseAddress;
    }
}
