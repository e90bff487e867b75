using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Secrets;

/// <summary>
/// The Data Protection key ring encrypted at rest with a certificate kept outside the data folder
/// (<c>SafetyReports:DataProtection:CertificatePath</c>), against a real Standalone process: no key file
/// holds a key in the clear, and after the certificate is replaced (the old one listed as previous) what
/// the old keys protected still decrypts.
/// </summary>
[Trait("Speed", "Slow")]
public class KeyRingEncryptionTests(ITestOutputHelper output)
{
    private const string Section = "SafetyReports:DataProtection";

    [Fact]
    public async Task The_key_ring_is_encrypted_with_the_certificate_and_survives_replacing_it()
    {
        using var mounted = new TempDirectory("key-ring-certificates");
        var first = WriteCertificate(mounted.Path, "first.pfx", "first-password");
        var second = WriteCertificate(mounted.Path, "second.pfx", "second-password");
        var secrets = new KnownSecrets();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await StandaloneProcess.StartAsync(secrets.Settings(
            ($"{Section}:CertificatePath", first.Path), ($"{Section}:CertificatePassword", "first-password")));
        try
        {
            var subscription = await SecretJourney.SubscribeAsync(system.Api, receiver, secrets);
            var before = await SecretJourney.SubmitWithContactAsync(system.Api, subscription, secrets);
            ExpectEveryKeyEncryptedFor(system, first.Thumbprint);

            await system.RestartAsync(new Dictionary<string, string>
            {
                [$"{Section}:CertificatePath"] = second.Path,
                [$"{Section}:CertificatePassword"] = "second-password",
                [$"{Section}:PreviousCertificates:0:Path"] = first.Path,
                [$"{Section}:PreviousCertificates:0:Password"] = "first-password",
            });

            // The contact and the webhook secret were protected with a key only the first certificate opens.
            await SecretJourney.ExpectContactAsync(system.Api, before);
            await SecretJourney.TriageAndExpectSignedWebhookAsync(system.Api, receiver, subscription, before);
            Assert.Empty(secrets.FoundIn(system.StoreFiles()));
        }
        catch
        {
            output.WriteLine(system.Logs());
            throw;
        }
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_with_the_setting_named()
    {
        using var mounted = new TempDirectory("key-ring-certificates");
        var missing = Path.Combine(mounted.Path, "absent.pfx");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StandaloneProcess.StartAsync(new KnownSecrets().Settings(($"{Section}:CertificatePath", missing))));

        Assert.Contains($"{Section}:CertificatePath", failure.Message);
        Assert.Contains("does not exist", failure.Message);
    }

    private static void ExpectEveryKeyEncryptedFor(StandaloneProcess system, string thumbprint)
    {
        var keys = system.StoreFiles().Where(f => Path.GetFileName(f).StartsWith("key-", StringComparison.Ordinal) && f.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = File.ReadAllText(key);
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
            var embedded = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Between(xml, "<X509Certificate>", "</X509Certificate>")));
            Assert.Equal(thumbprint, embedded.Thumbprint);
        }
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start} in the key file");
        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static (string Path, string Thumbprint) WriteCertificate(string folder, string name, string password)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest($"CN=SafetyReports key ring {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return (path, certificate.Thumbprint);
    }
}
