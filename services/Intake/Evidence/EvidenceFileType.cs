namespace SafetyReports.Intake.Evidence;

/// <summary>What an evidence file is, decided from its bytes; the name and the declared type are never trusted.</summary>
public sealed record EvidenceFileType(string Id, string MediaType, string Extension, EvidenceMedium Medium)
{
    public static readonly EvidenceFileType Png = new("png", "image/png", ".png", EvidenceMedium.Image);
    public static readonly EvidenceFileType Jpeg = new("jpeg", "image/jpeg", ".jpg", EvidenceMedium.Image);
    public static readonly EvidenceFileType WebP = new("webp", "image/webp", ".webp", EvidenceMedium.Image);
    public static readonly EvidenceFileType Mp3 = new("mp3", "audio/mpeg", ".mp3", EvidenceMedium.Audio);
    public static readonly EvidenceFileType Wav = new("wav", "audio/wav", ".wav", EvidenceMedium.Audio);
    public static readonly EvidenceFileType Ogg = new("ogg", "audio/ogg", ".ogg", EvidenceMedium.Audio);
    public static readonly EvidenceFileType Json = new("json", "application/json", ".json", EvidenceMedium.Text);
    public static readonly EvidenceFileType JsonLines = new("jsonl", "application/jsonl", ".jsonl", EvidenceMedium.Text);
    public static readonly EvidenceFileType Text = new("text", "text/plain", ".txt", EvidenceMedium.Text);

    public static readonly IReadOnlyList<EvidenceFileType> All = [Png, Jpeg, WebP, Mp3, Wav, Ogg, Json, JsonLines, Text];
}

public enum EvidenceMedium
{
    Image,
    Audio,
    Text,
}
