namespace SafetyReports.ServiceDefaults.Hosting;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>Bound from <c>SafetyReports:Bus</c>.</summary>
public sealed class BusOptions
{
    public const string Section = "SafetyReports:Bus";

    public BusTransport Transport { get; set; } = BusTransport.RabbitMq;

    /// <summary>From <c>ConnectionStrings:RabbitMq</c>.</summary>
    public string RabbitMqConnectionString { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>How an <c>amqps://</c> connection trusts the broker (and shows itself to it).</summary>
    public BusTlsOptions Tls { get; set; } = new();

    /// <summary>The shared HMAC key every message is signed with (base64, at least 32 bytes). Required with RabbitMQ.</summary>
    public string? SigningKey { get; set; }

    /// <summary>A file holding <see cref="SigningKey"/> (base64), e.g. a mounted Secret; instead of the value itself.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>Further keys (base64) whose signatures are accepted but never made: for key rotation.</summary>
    public List<string> AcceptedSigningKeys { get; set; } = [];
}

/// <summary>Bound from <c>SafetyReports:Bus:Tls</c>; used only with an <c>amqps://</c> connection string.</summary>
public sealed class BusTlsOptions
{
    /// <summary>
    /// A PEM (or DER) file with the CA that issued the broker's certificate. Set: the broker's chain must end
    /// at this CA (a private CA). Unset: the system trust store decides.
    /// </summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>The name the broker's certificate must carry, when it differs from the connection string's host.</summary>
    public string? ServerName { get; set; }

    /// <summary>A PKCS#12 (.pfx/.p12) file with the client certificate and its key, for brokers that require mutual TLS.</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientCertificatePassword { get; set; }
}
