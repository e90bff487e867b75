namespace SafetyReports.ServiceDefaults.Security;

/// <summary>
/// Bound from <c>SafetyReports:DataProtection</c>: the certificate that encrypts the Data Protection key
/// ring at rest, and earlier ones that may still have encrypted keys in it.
/// </summary>
public sealed class KeyRingCertificateSettings
{
    public const string Section = "SafetyReports:DataProtection";

    /// <summary>A PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) or a PEM certificate; empty leaves the key ring unencrypted.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key, when <see cref="CertificatePath"/> is a PEM certificate without its key.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>The PKCS#12 password, or the password of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Certificates replaced by <see cref="CertificatePath"/>: they only decrypt keys written before the change.</summary>
    public List<KeyRingCertificateFile> PreviousCertificates { get; set; } = [];
}

public sealed class KeyRingCertificateFile
{
    public string? Path { get; set; }

    public string? KeyPath { get; set; }

    public string? Password { get; set; }
}
