namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>The parts of an <c>amqp://user:pass@host:5672/vhost</c> connection string; <c>amqps://</c> means TLS.</summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls = false)
{
    public static RabbitMqAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new FormatException("ConnectionStrings:RabbitMq must be an amqp:// or amqps:// URL.");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var username = userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var path = uri.AbsolutePath.TrimStart('/');
        var virtualHost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (ushort)(uri.Scheme == "amqps" ? 5671 : 5672) : (ushort)uri.Port;
        return new RabbitMqAddress(uri.Host, port, virtualHost, username, password, uri.Scheme == "amqps");
    }
}
