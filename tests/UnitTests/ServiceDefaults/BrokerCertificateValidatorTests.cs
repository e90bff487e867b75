using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class BrokerCertificateValidatorTests
{
    [Fact]
    public void Without_a_private_CA_only_a_certificate_the_system_trusts_is_accepted()
    {
        using var ca = new TestCertificates();
        using var leaf = ca.Issue("rabbitmq");
        var validator = new BrokerCertificateValidator(null);

        Assert.True(validator.IsTrusted(leaf, null, SslPolicyErrors.None));
        Assert.False(validator.IsTrusted(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validator.IsTrusted(leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(validator.IsTrusted(null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void With_a_private_CA_a_certificate_it_issued_is_accepted_despite_the_unknown_root()
    {
        using var ca = new TestCertificates();
        using var leaf = ca.Issue("rabbitmq");
        var validator = new BrokerCertificateValidator([ca.Ca]);

        Assert.True(validator.IsTrusted(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void With_a_private_CA_a_certificate_from_another_CA_is_refused()
    {
        using var ca = new TestCertificates();
        using var other = new TestCertificates("Other CA");
        using var leaf = other.Issue("rabbitmq");
        var validator = new BrokerCertificateValidator([ca.Ca]);

        Assert.False(validator.IsTrusted(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validator.IsTrusted(leaf, null, SslPolicyErrors.None));
    }

    [Fact]
    public void With_a_private_CA_a_name_mismatch_is_still_refused()
    {
        using var ca = new TestCertificates();
        using var leaf = ca.Issue("elsewhere");
        var validator = new BrokerCertificateValidator([ca.Ca]);

        Assert.False(validator.IsTrusted(leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(validator.IsTrusted(null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void The_CA_itself_presented_as_the_server_certificate_is_not_a_way_round_the_check_when_it_is_another_CA()
    {
        using var ca = new TestCertificates();
        using var other = new TestCertificates("Other CA");
        var validator = new BrokerCertificateValidator([ca.Ca]);

        Assert.False(validator.IsTrusted(other.Ca, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }
}
