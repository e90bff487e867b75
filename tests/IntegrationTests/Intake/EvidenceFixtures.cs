using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>
/// Evidence files and submissions made by the tests; the images come from the unit tests' <c>EvidenceImages</c> (linked into
/// this project): real encodings from Skia, with metadata and headers written in byte by byte.
/// </summary>
internal static class EvidenceFixtures
{
    /// <summary>The start of a ZIP archive: what a file named like a picture may really be.</summary>
    public static byte[] Zip() => [.. "PK"u8, 3, 4, 20, 0, 0, 0, 8, 0, .. "payload"u8];

    public static byte[] ChatLog() => "{\"role\":\"user\",\"content\":\"how do I …\"}\n{\"role\":\"assistant\",\"content\":\"Step 1 …\"}\n"u8.ToArray();

    /// <summary>A multipart submission: the report's JSON as the <c>report</c> part and each file as a <c>files</c> part.</summary>
    public static MultipartFormDataContent Multipart(object report, params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(JsonSerializer.Serialize(report, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"), "report");
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            // The declared type is whatever the client claims; the service decides from the bytes.
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }

        return content;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
