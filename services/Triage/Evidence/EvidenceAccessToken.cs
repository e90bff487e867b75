using Microsoft.Extensions.Options;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Triage.Evidence;

/// <summary>Triage's own access token for Intake's evidence endpoint: client credentials with the <c>evidence:read</c> scope.</summary>
public sealed class EvidenceAccessToken(
    IHttpClientFactory clients, IOptions<EvidenceHandoverOptions> options, IOptions<IdentityAuthorityOptions> authority, TimeProvider clock)
    : ClientCredentialsToken(clients, authority, clock)
{
    public const string TokenClientName = "evidence-token";

    protected override string HttpClientName => TokenClientName;

    protected override ClientCredentials Credentials => new(
        EvidenceHandoverOptions.Section, options.Value.ClientId, options.Value.ClientSecret, Scopes.EvidenceRead, options.Value.TokenUrl);

    protected override Exception Failure(string message) => new EvidencePullException(message);
}
