using System.Security.Cryptography.X509Certificates;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>The TLS settings of an <c>amqps://</c> connection, loaded and checked from <see cref="BusTlsOptions"/>.</summary>
public sealed record RabbitMqTls(string ServerName, BrokerCertificateValidator Validator, X509Certificate2? ClientCertificate)
{
    private const string Section = BusOptions.Section + ":Tls";

    /// <returns>The settings for an amqps:// address, null for amqp://; errors say what is wrong with the configuration.</returns>
    public static (RabbitMqTls? Tls, IReadOnlyList<string> Errors) From(BusTlsOptions options, RabbitMqAddress address)
    {
        var errors = new List<string>();
        if (!address.UseTls)
        {
            if (options.CaCertificatePath is not null || options.ServerName is not null || options.ClientCertificatePath is not null)
            {
                errors.Add($"{Section} is configured but ConnectionStrings:RabbitMq is amqp://, which never uses TLS; use amqps://.");
            }

            return (null, errors);
        }

        var privateCas = options.CaCertificatePath is null ? null : LoadCas(options.CaCertificatePath, errors);
        var clientCertificate = options.ClientCertificatePath is null ? null : LoadClientCertificate(options, errors);
        if (options.ClientCertificatePath is null && options.ClientCertificatePassword is not null)
        {
            errors.Add($"{Section}:ClientCertificatePassword is set without {Section}:ClientCertificatePath.");
        }

        var serverName = string.IsNullOrWhiteSpace(options.ServerName) ? address.Host : options.ServerName.Trim();
        return errors.Count > 0
            ? (null, errors)
            : (new RabbitMqTls(serverName, new BrokerCertificateValidator(privateCas), clientCertificate), errors);
    }

    private static X509Certificate2Collection? LoadCas(string path, List<string> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add($"{Section}:CaCertificatePath '{path}' does not exist.");
            return null;
        }

        try
        {
            var certificates = new X509Certificate2Collection();
            if (File.ReadAllText(path).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                certificates.ImportFromPemFile(path);
            }
            else
            {
                certificates.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }

            if (certificates.Count == 0)
            {
                errors.Add($"{Section}:CaCertificatePath '{path}' holds no certificate.");
            }

            return certificates;
        }
        catch (CryptographicException ex)
        {
            errors.Add($"{Section}:CaCertificatePath '{path}' is not a PEM or DER certificate: {ex.Message}");
            return null;
        }
    }

    private static X509Certificate2? LoadClientCertificate(BusTlsOptions options, List<string> errors)
    {
        var path = options.ClientCertificatePath!;
        if (!File.Exists(path))
        {
            errors.Add($"{Section}:ClientCertificatePath '{path}' does not exist.");
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.ClientCertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                errors.Add($"{Section}:ClientCertificatePath '{path}' has no private key.");
            }

            return certificate;
        }
        catch (CryptographicException ex)
        {
            errors.Add($"{Section}:ClientCertificatePath '{path}' is not a PKCS#12 file this password opens: {ex.Message}");
            return null;
        }
    }
}
