using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// A self-signed server certificate for 127.0.0.1 and localhost, made for one test and written to a
/// folder in the forms Kestrel reads (<c>Kestrel:Certificates:Default:Path</c> with <c>Password</c>, or
/// <c>Path</c> with <c>KeyPath</c>), and clients that trust it and nothing else.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    public const string PfxPassword = "test certificate password";

    private TestCertificate(X509Certificate2 certificate, string folder)
    {
        Certificate = certificate;
        PfxPath = Path.Combine(folder, "server.pfx");
        CertificatePemPath = Path.Combine(folder, "server.crt");
        KeyPemPath = Path.Combine(folder, "server.key");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pkcs12, PfxPassword));
        File.WriteAllText(CertificatePemPath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(KeyPemPath, key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The certificate a client trusts; its PEM file also serves as the CA file of <c>SSL_CERT_FILE</c>.</summary>
    public X509Certificate2 Certificate { get; }

    public string PfxPath { get; }

    public string CertificatePemPath { get; }

    public string KeyPemPath { get; }

    public static TestCertificate Create(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=SafetyReports test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificate(request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1)), folder);
    }

    /// <summary>
    /// Accepts a server certificate only when it chains to this certificate alone (not the machine's
    /// roots) and names the host that was asked for.
    /// </summary>
    public bool Trusts(X509Certificate2? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }

    /// <summary>A handler that trusts only this certificate; no redirects or cookies unless asked for.</summary>
    public HttpClientHandler Handler(CookieContainer? cookies = null) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        ServerCertificateCustomValidationCallback = (_, presented, _, errors) => Trusts(presented, errors),
    };

    public HttpClient Client() => new(Handler()) { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => Certificate.Dispose();
}
