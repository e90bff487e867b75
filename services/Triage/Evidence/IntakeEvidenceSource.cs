namespace SafetyReports.Triage.Evidence;

/// <summary>Pulls a submitted report's evidence files before the report is stored.</summary>
public interface IEvidenceFileSource
{
    /// <summary>Every file the hand-over names, each checked against its record; throws <see cref="EvidencePullException"/> otherwise.</summary>
    Task<IReadOnlyList<EvidenceFileContent>> PullAsync(ReportSubmitted submitted, CancellationToken cancellationToken);
}

/// <summary>
/// Pulls each file from Intake's internal endpoint (<c>GET /internal/v1/evidence/{reportId}/{fileId}</c>) with Triage's
/// <see cref="EvidenceAccessToken"/>, and keeps it only when its size and SHA-256 are those recorded.
/// </summary>
public sealed class IntakeEvidenceSource(IHttpClientFactory clients, IIntakeAddress intake, EvidenceAccessToken token) : IEvidenceFileSource
{
    public const string HttpClientName = "intake-evidence";

    public async Task<IReadOnlyList<EvidenceFileContent>> PullAsync(ReportSubmitted submitted, CancellationToken cancellationToken)
    {
        var files = new List<EvidenceFileContent>();
        foreach (var reference in submitted.EvidenceFiles)
        {
            files.Add(new EvidenceFileContent(reference.Id, await PullAsync(submitted.ReportId, reference, cancellationToken)));
        }

        return files;
    }

    private async Task<byte[]> PullAsync(Guid reportId, EvidenceFileReference reference, CancellationToken cancellationToken)
    {
        var address = new Uri(intake.BaseAddress, $"internal/v1/evidence/{reportId}/{reference.Id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await token.GetAsync(cancellationToken));
        byte[] content;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                token.Forget();
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new EvidencePullException($"Intake answered {(int)response.StatusCode} for evidence file {reference.Id} of report {reportId}.");
            }

            if (response.Content.Headers.ContentLength is { } length && length != reference.Size)
            {
                throw new EvidencePullException($"Evidence file {reference.Id} of report {reportId} came with {length} bytes where {reference.Size} were recorded.");
            }

            content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new EvidencePullException($"Intake could not be reached for evidence file {reference.Id} of report {reportId}.", ex);
        }

        return EvidenceFileVerification.Mismatch(reference, content) is { } mismatch
            ? throw new EvidencePullException($"Evidence file {reference.Id} of report {reportId} is not the file recorded: {mismatch}.")
            : content;
    }
}
