using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Intake.Evidence;

/// <summary>
/// Reads a submission with files: one part named <c>report</c> (the JSON body a submission without files sends alone)
/// and at most <see cref="EvidenceFileLimits.MaxFiles"/> parts named <c>files</c>, each with a file name. It stops at the
/// first limit crossed, before reading further, so an oversized upload costs at most one limit's worth of memory.
/// </summary>
public static class MultipartSubmissionReader
{
    public const string ReportPart = "report";
    public const string FilesPart = "files";
    private const int MaxNameLength = 200;

    public static bool IsMultipart(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    public static async Task<MultipartSubmission> ReadAsync(
        Stream body, string? contentType, int maxReportBytes, EvidenceFileLimits limits, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Malformed("The multipart body needs a boundary in its Content-Type.");
        }

        var reader = new MultipartReader(boundary, body) { HeadersCountLimit = 8, HeadersLengthLimit = 8 * 1024 };
        byte[]? report = null;
        var files = new List<IncomingEvidenceFile>();
        long total = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    return Malformed("Every part needs Content-Disposition: form-data with a name.");
                }

                if (name == ReportPart)
                {
                    if (report is not null)
                    {
                        return Malformed("Send one \"report\" part.");
                    }

                    report = await ReadAtMostAsync(section.Body, maxReportBytes, cancellationToken);
                    if (report is null)
                    {
                        return MultipartSubmission.Refused(EvidenceFileRefusal.TooLargeInTotal,
                            $"The \"report\" part may be at most {maxReportBytes / 1024} KiB.");
                    }
                }
                else if (name == FilesPart)
                {
                    var fileName = DisplayName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                        ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                    if (fileName is null)
                    {
                        return Malformed("Every \"files\" part needs a file name (filename in its Content-Disposition).");
                    }

                    if (files.Count == limits.MaxFiles)
                    {
                        return MultipartSubmission.Refused(EvidenceFileRefusal.TooMany,
                            $"At most {limits.MaxFiles} files are accepted per report.");
                    }

                    var room = Math.Min(limits.MaxFileBytes, limits.MaxTotalBytes - total);
                    var content = await ReadAtMostAsync(section.Body, room, cancellationToken);
                    if (content is null)
                    {
                        return room < limits.MaxFileBytes
                            ? MultipartSubmission.Refused(EvidenceFileRefusal.TooLargeInTotal,
                                $"The files come to more than {limits.MaxTotalBytes / EvidenceFileLimits.MiB} MiB; at most that is accepted per report.")
                            : MultipartSubmission.Refused(EvidenceFileRefusal.TooLarge,
                                $"\"{fileName}\" is larger than {limits.MaxFileBytes / EvidenceFileLimits.MiB} MiB; at most that is accepted per file.");
                    }

                    total += content.Length;
                    files.Add(new IncomingEvidenceFile(fileName, content));
                }
                else
                {
                    return Malformed($"Unknown part \"{Shorten(name)}\": send \"{ReportPart}\" and \"{FilesPart}\".");
                }
            }
        }
        catch (InvalidDataException)
        {
            return Malformed("The multipart body is malformed.");
        }

        return report is null ? Malformed("The \"report\" part (the report as JSON) is missing.") : new MultipartSubmission(report, files);
    }

    /// <returns>The bytes, or null when there are more than <paramref name="max"/>.</returns>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A file's name as sent, made fit to show: it is shown to maintainers and hosts, never used as a path, so only its
    /// last segment is kept, printable and short. Null when nothing of it is left.
    /// </summary>
    public static string? DisplayName(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var lastSegment = raw.Replace('\\', '/').Split('/').Last();
        var printable = new StringBuilder(lastSegment.Length);
        for (var i = 0; i < lastSegment.Length; i++)
        {
            var c = lastSegment[i];
            var invisible = InvisibleCharacters.LengthAt(lastSegment, i);
            if (invisible > 0)
            {
                i += invisible - 1;
            }
            else if (char.IsSurrogatePair(lastSegment, i))
            {
                printable.Append(c).Append(lastSegment[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c) && !IsDirectionMark(c))
            {
                printable.Append(c);
            }
        }

        var name = printable.ToString().Trim();
        return name.Length == 0 ? null : Shorten(name);
    }

    // Marks and overrides that reorder text would make "gpj.exe" read as "exe.jpg".
    private static bool IsDirectionMark(char c) => c is '\u200E' or '\u200F' or '\u061C' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static string Shorten(string value) =>
        value.Length <= MaxNameLength ? value : value[..(char.IsHighSurrogate(value[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength)];

    private static MultipartSubmission Malformed(string problem) => MultipartSubmission.Refused(EvidenceFileRefusal.Invalid, problem);
}
