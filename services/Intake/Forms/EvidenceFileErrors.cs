using SafetyReports.Intake.Evidence;

namespace SafetyReports.Intake.Forms;

/// <summary>The form's field errors for refused evidence files: the API's reasons, in the page's language, naming the file.</summary>
public static class EvidenceFileErrors
{
    public const string Field = MultipartSubmissionReader.FilesPart;

    public static string Describe(EvidenceFilesOutcome refused, EvidenceFileLimits limits, IStringLocalizer text)
    {
        var name = refused.FileName ?? "";
        return refused.Refusal switch
        {
            EvidenceFileRefusal.TooMany => text["Error_Files_TooMany", limits.MaxFiles],
            EvidenceFileRefusal.TooLargeInTotal => text["Error_Files_TooLargeInTotal", limits.MaxTotalBytes / EvidenceFileLimits.MiB],
            EvidenceFileRefusal.TooLarge => text["Error_Files_TooLarge", name, limits.MaxFileBytes / EvidenceFileLimits.MiB],
            EvidenceFileRefusal.UnsupportedType => text["Error_Files_UnsupportedType", name],
            EvidenceFileRefusal.ChildSafety => text["Error_Files_ChildSafety", name, ChildSafetyFilePolicy.CyberTiplineUrl, ChildSafetyFilePolicy.InhopeHotlinesUrl],
            _ => text["Error_Files_Invalid", name],
        };
    }

    /// <summary>
    /// The files a no-JavaScript form posted, named as the API names them. A file input left empty still posts a part
    /// without a name or bytes: that is no file. A body that cannot be decoded (a NUL in a percent-escape, invalid UTF-8)
    /// has no files either: the page answers it as any undecodable post, with the form and its errors.
    /// </summary>
    public static async Task<IReadOnlyList<IncomingEvidenceFile>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return [];
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return [];
        }

        var files = new List<IncomingEvidenceFile>();
        foreach (var file in form.Files.GetFiles(Field))
        {
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            {
                continue;
            }

            using var content = new MemoryStream((int)file.Length);
            await file.CopyToAsync(content, cancellationToken);
            files.Add(new IncomingEvidenceFile(MultipartSubmissionReader.DisplayName(file.FileName) ?? "?", content.ToArray()));
        }

        return files;
    }
}
