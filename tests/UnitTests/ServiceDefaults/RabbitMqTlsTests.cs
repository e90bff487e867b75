using System.Security.Cryptography.X509Certificates;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.UnitTests.ServiceDefaults;

public sealed class RabbitMqTlsTests : IDisposable
{
    private static readonly RabbitMqAddress Amqps = RabbitMqAddress.Parse("amqps://u:p@rabbitmq.internal/");
    private static readonly RabbitMqAddress Amqp = RabbitMqAddress.Parse("amqp://u:p@rabbitmq.internal/");
    private readonly string _folder = Directory.CreateTempSubdirectory("rabbitmq-tls-").FullName;

    [Fact]
    public void Plain_amqp_uses_no_tls()
    {
        var (tls, errors) = RabbitMqTls.From(new BusTlsOptions(), Amqp);

        Assert.Null(tls);
        Assert.Empty(errors);
    }

    [Fact]
    public void Tls_settings_with_plain_amqp_are_an_error_rather_than_ignored()
    {
        var (tls, errors) = RabbitMqTls.From(new BusTlsOptions { CaCertificatePath = "/etc/ssl/ca.pem" }, Amqp);

        Assert.Null(tls);
        Assert.Contains("amqps://", Assert.Single(errors));
    }

    [Fact]
    public void Amqps_without_settings_checks_the_host_name_against_the_system_trust_store()
    {
        var (tls, errors) = RabbitMqTls.From(new BusTlsOptions(), Amqps);

        Assert.Empty(errors);
        Assert.Equal("rabbitmq.internal", tls!.ServerName);
        Assert.False(tls.Validator.UsesPrivateCa);
        Assert.Null(tls.ClientCertificate);
    }

    [Fact]
    public void A_PEM_CA_file_and_a_server_name_override_are_used()
    {
        using var ca = new TestCertificates();
        var path = Write("ca.pem", ca.CaPem());

        var (tls, errors) = RabbitMqTls.From(new BusTlsOptions { CaCertificatePath = path, ServerName = "rabbitmq.example.org" }, Amqps);

        Assert.Empty(errors);
        Assert.Equal("rabbitmq.example.org", tls!.ServerName);
        Assert.True(tls.Validator.UsesPrivateCa);
    }

    [Fact]
    public void A_DER_CA_file_is_read_too()
    {
        using var ca = new TestCertificates();
        var path = Path.Combine(_folder, "ca.cer");
        File.WriteAllBytes(path, ca.Ca.Export(X509ContentType.Cert));

        var (tls, errors) = RabbitMqTls.From(new BusTlsOptions { CaCertificatePath = path }, Amqps);

        Assert.Empty(errors);
        Assert.True(tls!.Validator.UsesPrivateCa);
    }

    [Fact]
    public void A_missing_or_unreadable_CA_file_is_a_start_up_error()
    {
        var missing = RabbitMqTls.From(new BusTlsOptions { CaCertificatePath = Path.Combine(_folder, "none.pem") }, Amqps);
        var garbage = RabbitMqTls.From(new BusTlsOptions { CaCertificatePath = Write("garbage.pem", "not a certificate") }, Amqps);

        Assert.Null(missing.Tls);
        Assert.Contains("does not exist", Assert.Single(missing.Errors));
        Assert.Null(garbage.Tls);
        Assert.Contains("CaCertificatePath", Assert.Single(garbage.Errors));
    }

    [Fact]
    public void A_client_certificate_is_loaded_with_its_key_and_a_wrong_password_is_an_error()
    {
        using var ca = new TestCertificates();
        using var client = ca.Issue("intake");
        var path = Path.Combine(_folder, "client.p12");
        File.WriteAllBytes(path, client.Export(X509ContentType.Pkcs12, "secret"));

        var (tls, errors) = RabbitMqTls.From(new BusTlsOptions { ClientCertificatePath = path, ClientCertificatePassword = "secret" }, Amqps);
        var wrong = RabbitMqTls.From(new BusTlsOptions { ClientCertificatePath = path, ClientCertificatePassword = "wrong" }, Amqps);

        Assert.Empty(errors);
        Assert.True(tls!.ClientCertificate!.HasPrivateKey);
        Assert.Null(wrong.Tls);
        Assert.Contains("ClientCertificatePath", Assert.Single(wrong.Errors));
    }

    [Fact]
    public void A_client_certificate_password_without_a_certificate_is_an_error()
    {
        var (tls, errors) = RabbitMqTls.From(new BusTlsOptions { ClientCertificatePassword = "secret" }, Amqps);

        Assert.Null(tls);
        Assert.Contains("ClientCertificatePath", Assert.Single(errors));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
