using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Whether a TLS connection to RabbitMQ trusts the broker's certificate. Without a private CA the system
/// trust store decides (no policy error at all is forgiven). With one, the certificate must chain to that CA
/// and no other root; a wrong host name or a missing certificate is refused either way.
/// </summary>
public sealed class BrokerCertificateValidator(X509Certificate2Collection? privateCas)
{
    public bool UsesPrivateCa => privateCas is { Count: > 0 };

    public bool IsTrusted(X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        if (!UsesPrivateCa)
        {
            return errors == SslPolicyErrors.None;
        }

        // Only the chain is judged again (against the configured CA); a name mismatch stays fatal.
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(privateCas!);
        // A private CA rarely publishes revocation lists; its certificates should be short-lived instead.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    /// <summary>For <see cref="SslStream"/> and the RabbitMQ client.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        IsTrusted(certificate, chain, errors);
}
