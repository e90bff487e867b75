namespace SafetyReports.Intake.Evidence;

/// <summary>
/// Child sexual exploitation material must never be collected, stored or forwarded by anyone but the bodies the law
/// entrusts with it: for that category images and audio are refused and the reporter is sent to those hotlines.
/// Text (a description, a chat log) stays accepted.
/// </summary>
public static class ChildSafetyFilePolicy
{
    public const string CategoryId = "child-sexual-exploitation";

    public const string CyberTiplineUrl = "https://report.cybertip.org/";
    public const string InhopeHotlinesUrl = "https://www.inhope.org/EN#hotlineReferral";

    public static bool Refuses(string? categoryId, EvidenceFileType type) =>
        string.Equals(categoryId, CategoryId, StringComparison.Ordinal) && type.Medium is EvidenceMedium.Image or EvidenceMedium.Audio;

    public static string Explanation =>
        "is an image or audio file, which is never accepted for child sexual exploitation: do not send the material. " +
        $"Report it to the NCMEC CyberTipline ({CyberTiplineUrl}) or to your country's INHOPE hotline ({InhopeHotlinesUrl}); " +
        "here, describe what the model did in words.";
}
