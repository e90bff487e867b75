namespace SafetyReports.Notification.Evidence;

/// <summary>Where Notification reaches Triage's shared-evidence endpoint.</summary>
public interface ITriageAddress
{
    Uri BaseAddress { get; }
}

/// <summary><c>SafetyReports:Notification:EvidenceFiles:TriageUrl</c> (Triage's local address unless set).</summary>
public sealed class ConfiguredTriageAddress(IOptions<SharedEvidenceOptions> options) : ITriageAddress
{
    public Uri BaseAddress { get; } = new(options.Value.TriageUrl.TrimEnd('/') + "/", UriKind.Absolute);
}

/// <summary>
/// Reads a shared evidence file from Triage when its host asks for it (<c>GET /internal/v1/shared-evidence/{reportId}/{fileId}</c>):
/// Notification keeps no file bytes, so a file that is no longer shared, or was redacted, is gone for the host at once, and the
/// bytes never travel on the bus or in a webhook. Triage records the download in the report's audit chain.
/// </summary>
public sealed class TriageSharedEvidence(IHttpClientFactory clients, ITriageAddress triage, SharedEvidenceAccessToken token)
{
    public const string HttpClientName = "triage-shared-evidence";

    /// <returns>The bytes, or null when Triage does not share that file now (a 404).</returns>
    /// <exception cref="SharedEvidenceUnavailableException">Triage could not be asked, or answered otherwise.</exception>
    /// <param name="hostId">The host asking: Triage checks the report reached it and records the download as that host's.</param>
    public async Task<byte[]?> ReadAsync(Guid reportId, string hostId, SharedEvidenceFile file, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(triage.BaseAddress, $"internal/v1/shared-evidence/{reportId}/{file.Id}?host={Uri.EscapeDataString(hostId)}"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await token.GetAsync(cancellationToken));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                token.Forget();
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SharedEvidenceUnavailableException($"Triage answered {(int)response.StatusCode} for shared file {file.Id} of report {reportId}.");
            }

            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            // The notice named these bytes; anything else (the file changed under the same id) is not handed to the host.
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)) == file.Sha256
                ? content
                : throw new SharedEvidenceUnavailableException($"Shared file {file.Id} of report {reportId} is not the file its notice names.");
        }
        catch (HttpRequestException ex)
        {
            throw new SharedEvidenceUnavailableException($"Triage could not be reached for shared file {file.Id} of report {reportId}.", ex);
        }
    }
}
