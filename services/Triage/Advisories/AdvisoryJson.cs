using System.Text.Json.Serialization;

namespace SafetyReports.Triage.Advisories;

/// <summary>How each served form is written: OSV and AVID with snake_case names (as their schemas spell them), nulls left out.</summary>
public static class AdvisoryJson
{
    public static readonly JsonSerializerOptions Osv = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly JsonSerializerOptions Avid = Osv;

    /// <summary>The list, the maintainers' view and the stored document: camelCase as the rest of the API.</summary>
    public static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web);

    public const string OsvFormat = "osv";
    public const string AvidFormat = "avid";
    public static readonly IReadOnlyList<string> Formats = [OsvFormat, AvidFormat];

    /// <summary>The served bytes of <paramref name="advisory"/> in <paramref name="format"/> (<see cref="Formats"/>).</summary>
    public static byte[] Serve(Advisory advisory, string format) => format == AvidFormat
        ? JsonSerializer.SerializeToUtf8Bytes(AvidReport.From(advisory), Avid)
        : JsonSerializer.SerializeToUtf8Bytes(OsvAdvisory.From(advisory), Osv);
}
