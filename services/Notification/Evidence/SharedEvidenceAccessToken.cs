using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.Notification.Evidence;

/// <summary>Notification's own access token for Triage's shared-evidence endpoint: client credentials with the <c>evidence:shared</c> scope.</summary>
public sealed class SharedEvidenceAccessToken(
    IHttpClientFactory clients, IOptions<SharedEvidenceOptions> options, IOptions<IdentityAuthorityOptions> authority, TimeProvider clock)
    : ClientCredentialsToken(clients, authority, clock)
{
    public const string TokenClientName = "shared-evidence-token";

    protected override string HttpClientName => TokenClientName;

    protected override ClientCredentials Credentials => new(
        SharedEvidenceOptions.Section, options.Value.ClientId, options.Value.ClientSecret, Scopes.EvidenceShared, options.Value.TokenUrl);

    protected override Exception Failure(string message) => new SharedEvidenceUnavailableException(message);
}

/// <summary>Triage could not be asked for a shared file (no token, not reachable, an answer other than the file or a 404).</summary>
public sealed class SharedEvidenceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
