using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.UnitTests.ServiceDefaults;

public sealed class KeyRingCertificatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("key-ring-certificates").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Without_a_certificate_the_key_ring_stays_as_it_is_and_nothing_is_wrong()
    {
        var (certificates, errors) = KeyRingCertificates.Load(new KeyRingCertificateSettings());

        Assert.Null(certificates);
        Assert.Empty(errors);
    }

    [Fact]
    public void Loads_a_password_protected_pkcs12_file_with_its_private_key()
    {
        using var rsa = RSA.Create(2048);
        var path = WritePkcs12("current.pfx", rsa, "s3cret");

        var (certificates, errors) = KeyRingCertificates.Load(new KeyRingCertificateSettings { CertificatePath = path, CertificatePassword = "s3cret" });

        Assert.Empty(errors);
        Assert.NotNull(certificates);
        Assert.True(certificates.Current.HasPrivateKey);
        Assert.Equal([certificates.Current], certificates.Decrypting);
    }

    [Fact]
    public void Loads_a_pem_certificate_with_its_key_in_another_file_or_in_the_same_one()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SelfSigned(rsa);
        var certificatePath = Write("cert.pem", certificate.ExportCertificatePem());
        var keyPath = Write("key.pem", rsa.ExportPkcs8PrivateKeyPem());
        var combinedPath = Write("combined.pem", certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());

        var separate = KeyRingCertificates.Load(new KeyRingCertificateSettings { CertificatePath = certificatePath, CertificateKeyPath = keyPath });
        var combined = KeyRingCertificates.Load(new KeyRingCertificateSettings { CertificatePath = combinedPath });

        Assert.Empty(separate.Errors);
        Assert.Equal(certificate.Thumbprint, separate.Certificates!.Current.Thumbprint);
        Assert.Empty(combined.Errors);
        Assert.True(combined.Certificates!.Current.HasPrivateKey);
    }

    [Fact]
    public void Previous_certificates_decrypt_after_the_current_one()
    {
        using var currentKey = RSA.Create(2048);
        using var previousKey = RSA.Create(2048);
        var settings = new KeyRingCertificateSettings
        {
            CertificatePath = WritePkcs12("current.pfx", currentKey, "a"),
            CertificatePassword = "a",
            PreviousCertificates = [new KeyRingCertificateFile { Path = WritePkcs12("previous.pfx", previousKey, "b"), Password = "b" }],
        };

        var (certificates, errors) = KeyRingCertificates.Load(settings);

        Assert.Empty(errors);
        Assert.Equal(2, certificates!.Decrypting.Count);
        Assert.Equal(certificates.Current, certificates.Decrypting[0]);
        Assert.Equal(certificates.Previous[0], certificates.Decrypting[1]);
    }

    [Fact]
    public void A_missing_file_a_certificate_without_its_key_a_wrong_password_and_a_non_rsa_key_are_refused_by_name()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SelfSigned(rsa);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ecCertificate = new CertificateRequest("CN=ec", ecdsa, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var ecPath = Write("ec.pfx", ecCertificate.Export(X509ContentType.Pkcs12, "p"));

        var cases = new (KeyRingCertificateSettings Settings, string Expected)[]
        {
            (new() { CertificatePath = Path.Combine(_folder, "absent.pfx") }, "does not exist"),
            (new() { CertificatePath = Write("only-cert.pem", certificate.ExportCertificatePem()) }, "could not be read"),
            (new() { CertificatePath = WritePkcs12("wrong.pfx", rsa, "right"), CertificatePassword = "wrong" }, "could not be read"),
            (new() { CertificatePath = ecPath, CertificatePassword = "p" }, "must be an RSA certificate"),
            (new() { CertificatePath = Write("c.pem", certificate.ExportCertificatePem()), CertificateKeyPath = Path.Combine(_folder, "absent-key.pem") }, "key file"),
            (new() { CertificateKeyPath = Write("k.pem", rsa.ExportPkcs8PrivateKeyPem()) }, "CertificatePath is required"),
            (new() { PreviousCertificates = [new KeyRingCertificateFile { Path = WritePkcs12("p.pfx", rsa, "x"), Password = "x" }] }, "CertificatePath is required"),
            (new() { CertificatePath = WritePkcs12("ok.pfx", rsa, "x"), CertificatePassword = "x", PreviousCertificates = [new KeyRingCertificateFile()] }, "PreviousCertificates:0:Path is empty"),
        };

        foreach (var (settings, expected) in cases)
        {
            var (certificates, errors) = KeyRingCertificates.Load(settings);
            Assert.Null(certificates);
            var error = Assert.Single(errors);
            Assert.Contains("SafetyReports:DataProtection:", error);
            Assert.Contains(expected, error);
        }
    }

    private static X509Certificate2 SelfSigned(RSA rsa) =>
        new CertificateRequest("CN=SafetyReports key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

    private string WritePkcs12(string name, RSA rsa, string password)
    {
        using var certificate = SelfSigned(rsa);
        return Write(name, certificate.Export(X509ContentType.Pkcs12, password));
    }

    private string Write(string name, string text) => Write(name, System.Text.Encoding.ASCII.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
