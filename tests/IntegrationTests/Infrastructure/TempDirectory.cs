namespace SafetyReports.IntegrationTests.Infrastructure;

public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "safetyreports-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file is killed right after; leftovers live in /tmp.
        }
    }
}
