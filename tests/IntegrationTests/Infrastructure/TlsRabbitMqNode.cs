using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// A second, throw-away RabbitMQ node (the installed rabbitmq-server, beside the default node, which it
/// leaves alone) that accepts only TLS, with a CA and a server certificate made for it. Everything it has
/// lives in a temporary folder; <see cref="DisposeAsync"/> stops the node and removes the folder.
/// </summary>
public sealed class TlsRabbitMqNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _folder;
    private readonly int _nodePort = FreePort.Next();
    private readonly int _distributionPort = FreePort.Next();

    private TlsRabbitMqNode(TempDirectory folder, string nodeName, int tlsPort)
    {
        _folder = folder;
        NodeName = nodeName;
        TlsPort = tlsPort;
    }

    public string NodeName { get; }

    /// <summary>The node's only AMQP listener, on 127.0.0.1.</summary>
    public int TlsPort { get; }

    /// <summary>The PEM file of the CA that issued the node's certificate (for localhost and 127.0.0.1).</summary>
    public string CaCertificatePath => Path.Combine(_folder.Path, "ca.pem");

    /// <summary>A PKCS#12 client certificate from the node's CA (for mutual TLS), opened with <see cref="ClientCertificatePassword"/>.</summary>
    public string ClientCertificatePath => Path.Combine(_folder.Path, "client.p12");

    public string ClientCertificatePassword => "test-client-password";

    public string LogPath => Path.Combine(_folder.Path, "log", $"{NodeName}.log");

    public string ConnectionString(string scheme = "amqps") => $"{scheme}://guest:guest@127.0.0.1:{TlsPort}/";

    /// <summary>
    /// Starts the node. Without rabbitmq-server the test is skipped on a developer's machine but fails under
    /// CI (or with SAFETYREPORTS_REQUIRE_RABBITMQ=1), as the tests on the default node do.
    /// </summary>
    /// <param name="requireClientCertificate">Mutual TLS: refuse clients without a certificate from the node's CA.</param>
    public static async Task<TlsRabbitMqNode> StartAsync(bool requireClientCertificate = false)
    {
        if (!IsInstalled())
        {
            var message = "rabbitmq-server is not installed; the README's test command installs it.";
            if (Environment.GetEnvironmentVariable("CI") is not null || Environment.GetEnvironmentVariable("SAFETYREPORTS_REQUIRE_RABBITMQ") == "1")
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        var folder = new TempDirectory("safetyreports-rabbitmq-tls");
        var node = new TlsRabbitMqNode(folder, $"srtls-{Guid.NewGuid():N}@localhost", FreePort.Next());
        try
        {
            node.WriteCertificatesAndConfiguration(requireClientCertificate);
            await RunAsync(node.NodeEnvironment(), "rabbitmq-server", "-detached");
            // The detached node registers with epmd a moment after the command returns: ask until it answers.
            await Eventually.UntilAsync(async () =>
            {
                try
                {
                    await RunAsync(node.NodeEnvironment(), "rabbitmqctl", "-n", node.NodeName, "await_startup", "--timeout", "30");
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            }, StartTimeout, $"the TLS RabbitMQ node {node.NodeName} to start (log: {node.LogPath})");
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    private void WriteCertificatesAndConfiguration(bool requireClientCertificate)
    {
        // The node runs as the rabbitmq user (rabbitmq-server's wrapper switches to it): it must read and write here.
        var everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        SetMode(_folder.Path, everyone);
        foreach (var sub in new[] { "mnesia", "log" })
        {
            SetMode(Directory.CreateDirectory(Path.Combine(_folder.Path, sub)).FullName, everyone);
        }

        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=SafetyReports test broker CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));

        using var clientKey = RSA.Create(2048);
        var clientRequest = new CertificateRequest("CN=safetyreports-test-client", clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var client = clientRequest.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        using var clientWithKey = client.CopyWithPrivateKey(clientKey);
        File.WriteAllBytes(ClientCertificatePath, clientWithKey.Export(X509ContentType.Pkcs12, ClientCertificatePassword));

        Write("ca.pem", ca.ExportCertificatePem());
        Write("server.pem", server.ExportCertificatePem());
        Write("server.key", serverKey.ExportPkcs8PrivateKeyPem());
        Write("enabled_plugins", "");
        Write("rabbitmq.conf", $"""
            listeners.tcp = none
            listeners.ssl.default = 127.0.0.1:{TlsPort}
            ssl_options.cacertfile = {Path.Combine(_folder.Path, "ca.pem")}
            ssl_options.certfile = {Path.Combine(_folder.Path, "server.pem")}
            ssl_options.keyfile = {Path.Combine(_folder.Path, "server.key")}
            ssl_options.verify = {(requireClientCertificate ? "verify_peer" : "verify_none")}
            ssl_options.fail_if_no_peer_cert = {(requireClientCertificate ? "true" : "false")}
            """);

        void Write(string name, string text)
        {
            var path = Path.Combine(_folder.Path, name);
            File.WriteAllText(path, text);
            SetMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        static void SetMode(string path, UnixFileMode mode)
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, mode);
            }
        }
    }

    private Dictionary<string, string> NodeEnvironment() => new()
    {
        ["RABBITMQ_NODENAME"] = NodeName,
        // Its own ports: the default node holds 5672 and 25672.
        ["RABBITMQ_NODE_PORT"] = _nodePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder.Path, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(_folder.Path, "log"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_folder.Path, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder.Path, "enabled_plugins"),
    };

    private static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Append("/usr/sbin")
            .Any(directory => File.Exists(Path.Combine(directory, "rabbitmq-server")));

    /// <summary><c>rabbitmqctl -n {node} …</c>; returns what it printed.</summary>
    public Task<string> CtlAsync(params string[] arguments) => RunAsync(NodeEnvironment(), "rabbitmqctl", ["-n", NodeName, .. arguments]);

    private static Task<string> RunAsync(IDictionary<string, string> environment, string command, params string[] arguments) =>
        ExternalCommand.OutputAsync(command, arguments, TimeSpan.FromSeconds(60), environment.AsReadOnly());

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(NodeEnvironment(), "rabbitmqctl", "-n", NodeName, "stop");
        }
        catch (InvalidOperationException)
        {
            // Not started, or already gone.
        }

        _folder.Dispose();
    }
}
