namespace SafetyReports.Triage.TransparencyLog;

/// <summary>Reads the log's signing key from its file, or makes it there when allowed (owner-only, never overwritten).</summary>
public static class LogSigningKey
{
    public static NoteSigner Load(string path, string origin, bool createIfMissing)
    {
        if (!File.Exists(path))
        {
            if (!createIfMissing)
            {
                throw new InvalidOperationException(
                    $"The transparency log's signing key {path} is missing ({TransparencyLogOptions.Section}:KeyFile); make one with "
                    + "`AuditTool log keygen`, or set CreateKeyIfMissing to let the service make it.");
            }

            using var created = NoteSigner.Generate(origin);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = ServiceDefaults.Storage.OwnerOnlyFiles.FileMode;
            }

            try
            {
                using var writer = new StreamWriter(path, Encoding.ASCII, options);
                writer.Write(created.Export() + "\n");
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }

        ServiceDefaults.Storage.OwnerOnlyFiles.ExistingFile(path);
        var signer = NoteSigner.Parse(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is not a signed-note Ed25519 private key (PRIVATE+KEY+name+hash+key).");
        if (signer.Name != origin)
        {
            signer.Dispose();
            throw new InvalidOperationException(
                $"The transparency log's key {path} is named {signer.Name}, but the log's origin is {origin}: a checkpoint is signed by a key named as its log.");
        }

        return signer;
    }
}
