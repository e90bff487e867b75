using System.Security.Authentication;
using MassTransit;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>Points a RabbitMQ bus at its broker: credentials, publisher confirms and, for amqps://, TLS.</summary>
public static class RabbitMqHost
{
    public static void Configure(IRabbitMqBusFactoryConfigurator cfg, RabbitMqAddress address, RabbitMqTls? tls)
    {
        cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.Username);
            h.Password(address.Password);
            h.PublisherConfirmation = true;
            if (tls is not null)
            {
                h.UseSsl(s =>
                {
                    s.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                    s.ServerName = tls.ServerName;
                    // Our own check replaces the client's, so no policy error is let through by a default.
                    s.CertificateValidationCallback = tls.Validator.Validate;
                    if (tls.ClientCertificate is not null)
                    {
                        s.Certificate = tls.ClientCertificate;
                    }
                });
            }
        });
    }
}
