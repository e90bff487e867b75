using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using SafetyReports.ServiceDefaults.Storage;

namespace SafetyReports.Identity.Keys;

/// <summary>
/// The server's RSA keys as PEM files in a folder only Identity uses: created on first start
/// (owner-only permissions), loaded on every later one, so tokens outlive restarts.
/// </summary>
public sealed class ServerKeyStore(string directory)
{
    /// <summary>The folder under the data directory that holds the keys.</summary>
    public const string FolderName = "identity";

    public const string SigningKeyFile = "signing-key.pem";
    public const string EncryptionKeyFile = "encryption-key.pem";
    private const int KeySizeInBits = 2048;


    public string Directory { get; } = Path.GetFullPath(directory);

    public RsaSecurityKey LoadOrCreateSigningKey() => LoadOrCreate(SigningKeyFile);

    public RsaSecurityKey LoadOrCreateEncryptionKey() => LoadOrCreate(EncryptionKeyFile);

    private RsaSecurityKey LoadOrCreate(string fileName)
    {
        CreateDirectory();
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        catch (ArgumentException ex)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"The key file '{path}' does not hold an RSA private key in PEM form.", ex);
        }

        return WithKeyId(rsa);
    }

    /// <summary>
    /// Writes a new key beside the target and moves it into place without overwriting, so two
    /// processes starting at once both end up loading the same key.
    /// </summary>
    private static void TryCreate(string path)
    {
        using var rsa = RSA.Create(KeySizeInBits);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnlyFiles.FileMode;
            }

            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(rsa.ExportPkcs8PrivateKeyPem());
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process won the race; its key is the one to use.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void CreateDirectory() => OwnerOnlyFiles.FolderWithFiles(Directory);

    /// <summary>The key id is the RFC 7638 thumbprint: stable across restarts, and different for another key.</summary>
    private static RsaSecurityKey WithKeyId(RSA rsa)
    {
        var publicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)));
        return new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(publicJwk.ComputeJwkThumbprint()) };
    }
}
