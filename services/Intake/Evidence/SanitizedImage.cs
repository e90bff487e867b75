namespace SafetyReports.Intake.Evidence;

/// <summary>An image decoded and encoded again: only its pixels survive (no EXIF, GPS, camera serials, comments).</summary>
public sealed record SanitizedImage(byte[] Bytes, int Width, int Height);
