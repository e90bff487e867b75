namespace SafetyReports.IntegrationTests.Identity;

internal static class ScratchDirectory
{
    public static string Create() => Path.Combine(Path.GetTempPath(), "safetyreports-identity-" + Guid.NewGuid().ToString("N"));

    /// <summary>Best effort: a pooled SQLite handle may still hold the file on some platforms.</summary>
    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
