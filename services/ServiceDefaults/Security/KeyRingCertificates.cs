using System.Security.Cryptography.X509Certificates;

namespace SafetyReports.ServiceDefaults.Security;

/// <summary>
/// Loads the certificates that encrypt the Data Protection key ring at rest. Without them a copy of the
/// key folder alone decrypts every reporter's contact and webhook secret; with them the copy also needs
/// the certificate's private key, which lives elsewhere (a mounted secret).
/// </summary>
public sealed class KeyRingCertificates
{
    private KeyRingCertificates(X509Certificate2 current, IReadOnlyList<X509Certificate2> previous)
    {
        Current = current;
        Previous = previous;
    }

    /// <summary>Encrypts new keys.</summary>
    public X509Certificate2 Current { get; }

    /// <summary>Only decrypt keys encrypted before a certificate change.</summary>
    public IReadOnlyList<X509Certificate2> Previous { get; }

    /// <summary>Every certificate that may decrypt a key of the ring, the current one first.</summary>
    public IReadOnlyList<X509Certificate2> Decrypting => [Current, .. Previous];

    /// <summary>Null with no errors when none is configured; errors name the setting and the reason.</summary>
    public static (KeyRingCertificates? Certificates, IReadOnlyList<string> Errors) Load(KeyRingCertificateSettings settings)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            if (settings.PreviousCertificates.Count > 0 || !string.IsNullOrWhiteSpace(settings.CertificateKeyPath))
            {
                errors.Add($"{KeyRingCertificateSettings.Section}:CertificatePath is required when a key path or previous certificates are configured.");
            }

            return (null, errors);
        }

        var current = LoadOne($"{KeyRingCertificateSettings.Section}:CertificatePath",
            settings.CertificatePath, settings.CertificateKeyPath, settings.CertificatePassword, errors);
        var previous = new List<X509Certificate2>();
        for (var i = 0; i < settings.PreviousCertificates.Count; i++)
        {
            var file = settings.PreviousCertificates[i];
            var setting = $"{KeyRingCertificateSettings.Section}:PreviousCertificates:{i}:Path";
            if (string.IsNullOrWhiteSpace(file.Path))
            {
                errors.Add($"{setting} is empty.");
                continue;
            }

            if (LoadOne(setting, file.Path, file.KeyPath, file.Password, errors) is { } certificate)
            {
                previous.Add(certificate);
            }
        }

        return errors.Count > 0 || current is null ? (null, errors) : (new KeyRingCertificates(current, previous), errors);
    }

    private static X509Certificate2? LoadOne(string setting, string path, string? keyPath, string? password, List<string> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add($"{setting}: the file '{path}' does not exist.");
            return null;
        }

        if (!string.IsNullOrWhiteSpace(keyPath) && !File.Exists(keyPath))
        {
            errors.Add($"{setting}: the key file '{keyPath}' does not exist.");
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = IsPkcs12(path)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet)
                : LoadPem(path, keyPath, password);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            errors.Add($"{setting}: '{path}' could not be read as a certificate with its private key ({ex.Message}).");
            return null;
        }

        // The key ring is encrypted with XML Encryption, which wraps its keys with RSA.
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            errors.Add($"{setting}: '{path}' must be an RSA certificate with its private key.");
            certificate.Dispose();
            return null;
        }

        return certificate;
    }

    private static X509Certificate2 LoadPem(string path, string? keyPath, string? password) =>
        string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(path, string.IsNullOrWhiteSpace(keyPath) ? null : keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, string.IsNullOrWhiteSpace(keyPath) ? null : keyPath);

    private static bool IsPkcs12(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12";
}
