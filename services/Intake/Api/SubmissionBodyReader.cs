namespace SafetyReports.Intake.Api;

public enum BodyProblem
{
    None,
    NotJson,
    TooLarge,
    Malformed,
}

public sealed record SubmissionBody(BodyProblem Problem, ReportSubmissionRequest? Request = null, string? RequestHash = null, string? Detail = null);

/// <summary>Reads a submission body within the size limit, before anything is stored.</summary>
public static class SubmissionBodyReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    public static async Task<SubmissionBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return new SubmissionBody(BodyProblem.NotJson, Detail: "Send the report as application/json.");
        }

        if (request.ContentLength > SubmissionLimits.MaxBodyBytes)
        {
            return TooLarge();
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > SubmissionLimits.MaxBodyBytes)
            {
                return TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.ToArray());
    }

    /// <summary>A report's JSON, as a body or as the <c>report</c> part of a submission with files.</summary>
    public static SubmissionBody Parse(byte[] bytes)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<ReportSubmissionRequest>(bytes, Options);
            if (parsed is null)
            {
                return new SubmissionBody(BodyProblem.Malformed, Detail: "The body must be a JSON object.");
            }

            return new SubmissionBody(BodyProblem.None, parsed, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            return new SubmissionBody(BodyProblem.Malformed, Detail: $"The body is not valid JSON for a report{where}.");
        }
    }

    private static SubmissionBody TooLarge() =>
        new(BodyProblem.TooLarge, Detail: $"A report body may be at most {SubmissionLimits.MaxBodyBytes / 1024} KiB.");
}
