using System.Text;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Looks for distinctive strings in every byte of the files of a store's folder (database, -wal, -shm).</summary>
internal static class FileTraces
{
    /// <returns>"file: needle" for each needle found, UTF-8 encoded, in any file of the folder.</returns>
    public static List<string> Find(string directory, params string[] needles)
    {
        var encoded = needles.Select(Encoding.UTF8.GetBytes).ToList();
        var found = new List<string>();
        foreach (var path in Directory.GetFiles(directory))
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (FileNotFoundException)
            {
                // A -wal or -shm file goes away when the last connection closes (after checkpointing into the database).
                continue;
            }

            found.AddRange(encoded.Where(n => bytes.AsSpan().IndexOf(n) >= 0).Select(n => $"{Path.GetFileName(path)}: {Encoding.UTF8.GetString(n)}"));
        }

        return found;
    }
}
