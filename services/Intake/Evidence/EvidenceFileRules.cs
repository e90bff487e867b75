namespace SafetyReports.Intake.Evidence;

/// <summary>
/// Checks the files of one report: how many, how large, what type their bytes say, whether the category allows
/// them, and makes images safe. Every refusal names the file; one refused file refuses the whole submission, so
/// nothing is stored half.
/// </summary>
public sealed class EvidenceFileRules(EvidenceFileLimits limits)
{
    private readonly ImageSanitizer _images = new(limits);

    public EvidenceFileLimits Limits => limits;

    /// <summary>
    /// The cheap checks alone (count, sizes, types, the category), without decoding any image: a submission answers
    /// them before the proof of work and rate limit are spent, as it answers field errors. Null when all pass.
    /// </summary>
    public EvidenceFilesOutcome? Screen(IReadOnlyList<IncomingEvidenceFile> files, string? categoryId) =>
        Run(files, categoryId, sanitize: false) is { Refusal: not null } refused ? refused : null;

    /// <summary>Every check, images decoded and re-encoded: the files as they are to be stored, or the first refusal.</summary>
    public EvidenceFilesOutcome Check(IReadOnlyList<IncomingEvidenceFile> files, string? categoryId) =>
        Run(files, categoryId, sanitize: true);

    private EvidenceFilesOutcome Run(IReadOnlyList<IncomingEvidenceFile> files, string? categoryId, bool sanitize)
    {
        if (files.Count > limits.MaxFiles)
        {
            return EvidenceFilesOutcome.Refused(EvidenceFileRefusal.TooMany,
                $"{files.Count} files were attached; at most {limits.MaxFiles} are accepted.");
        }

        var total = files.Sum(f => (long)f.Content.Length);
        if (total > limits.MaxTotalBytes)
        {
            return EvidenceFilesOutcome.Refused(EvidenceFileRefusal.TooLargeInTotal,
                $"The files come to {Size(total)}; at most {Size(limits.MaxTotalBytes)} per report are accepted.");
        }

        var accepted = new List<CheckedEvidenceFile>(files.Count);
        foreach (var file in files)
        {
            var checkedFile = CheckOne(file, categoryId, sanitize, out var refusal, out var problem);
            if (checkedFile is null)
            {
                return EvidenceFilesOutcome.Refused(refusal, $"\"{file.Name}\" {problem}", file.Name);
            }

            accepted.Add(checkedFile);
        }

        return EvidenceFilesOutcome.Accepted(accepted);
    }

    private CheckedEvidenceFile? CheckOne(
        IncomingEvidenceFile file, string? categoryId, bool sanitize, out EvidenceFileRefusal refusal, out string problem)
    {
        refusal = EvidenceFileRefusal.Invalid;
        problem = "";
        if (file.Content.Length == 0)
        {
            problem = "is empty.";
            return null;
        }

        if (file.Content.Length > limits.MaxFileBytes)
        {
            refusal = EvidenceFileRefusal.TooLarge;
            problem = $"is {Size(file.Content.Length)}; at most {Size(limits.MaxFileBytes)} per file are accepted.";
            return null;
        }

        if (EvidenceFileSniffer.Detect(file.Content) is not { } type)
        {
            refusal = EvidenceFileRefusal.UnsupportedType;
            problem = "is not an accepted type (PNG, JPEG or WebP images; MP3, WAV or OGG audio; plain text, JSON or JSON Lines logs).";
            return null;
        }

        if (ChildSafetyFilePolicy.Refuses(categoryId, type))
        {
            refusal = EvidenceFileRefusal.ChildSafety;
            problem = ChildSafetyFilePolicy.Explanation;
            return null;
        }

        var stored = file.Content;
        if (sanitize && type.Medium == EvidenceMedium.Image)
        {
            var image = _images.Sanitize(file.Content, type);
            if (image.Value is null)
            {
                problem = image.Problem + ".";
                return null;
            }

            stored = image.Value.Bytes;
        }

        var originalHash = Sha256(file.Content);
        return new CheckedEvidenceFile(file.Name, type, stored, file.Content.Length, originalHash,
            ReferenceEquals(stored, file.Content) ? originalHash : Sha256(stored));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Size(long bytes) =>
        bytes >= EvidenceFileLimits.MiB
            ? $"{bytes / (double)EvidenceFileLimits.MiB:0.#} MiB"
            : $"{bytes / 1024.0:0.#} KiB";
}
