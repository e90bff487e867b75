namespace SafetyReports.Intake.Transparency;

/// <summary>
/// Asks Triage's anonymous transparency API. Every failure (unreachable, timed out, an unexpected answer)
/// becomes <see cref="TransparencyAnswer.Unavailable"/>: the public page says so instead of failing.
/// </summary>
public sealed partial class TransparencyApiClient(IHttpClientFactory clients, ITransparencySourceAddress source, ILogger<TransparencyApiClient> logger)
{
    public const string HttpClientName = "transparency-source";

    /// <summary>The public page waits no longer than this for Triage; a slow Triage must not hold the site's threads.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Figures are a few hundred bytes per host; anything far larger is not what was asked for.</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    public async Task<TransparencyAnswer> GetAsync(TransparencyQuery query, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(source.BaseAddress, query.PathAndQuery));
        request.Headers.Accept.ParseAdd(query.MediaType);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK when response.Content.Headers.ContentLength is null or <= MaxBodyBytes:
                    var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                    return body.Length <= MaxBodyBytes
                        ? TransparencyAnswer.Ok(body, response.Content.Headers.ContentType?.ToString())
                        : Failed(query, "a body above the limit");
                case HttpStatusCode.NotFound:
                    return TransparencyAnswer.NotFound;
                case HttpStatusCode.BadRequest:
                    return TransparencyAnswer.Invalid(ProblemMessages(await response.Content.ReadAsByteArrayAsync(timeout.Token)));
                default:
                    return Failed(query, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Failed(query, ex.GetType().Name);
        }
    }

    /// <summary>The messages of a problem details body (field errors first), or none when it is not one.</summary>
    public static IReadOnlyList<string> ProblemMessages(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var messages = new List<string>();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                messages.AddRange(errors.EnumerateObject()
                    .SelectMany(field => field.Value.ValueKind == JsonValueKind.Array ? field.Value.EnumerateArray() : Enumerable.Empty<JsonElement>())
                    .Where(message => message.ValueKind == JsonValueKind.String)
                    .Select(message => message.GetString()!));
            }

            if (messages.Count == 0 && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                messages.Add(detail.GetString()!);
            }

            return messages;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private TransparencyAnswer Failed(TransparencyQuery query, string why)
    {
        // The resource only: the query holds nothing secret, but a host name typed into the address bar is not worth logging.
        LogUnavailable(query.Resource, why);
        return TransparencyAnswer.Unavailable;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transparency figures ({Resource}) could not be read from Triage: {Reason}.")]
    private partial void LogUnavailable(TransparencyResource resource, string reason);
}
