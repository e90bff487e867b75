using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class RabbitMqAddressTests
{
    [Fact]
    public void Parses_the_contract_default()
    {
        Assert.Equal(new RabbitMqAddress("127.0.0.1", 5672, "/", "guest", "guest"), RabbitMqAddress.Parse("amqp://guest:guest@127.0.0.1:5672/"));
    }

    [Fact]
    public void Parses_escaped_credentials_and_a_virtual_host()
    {
        Assert.Equal(new RabbitMqAddress("rabbit", 5671, "tenant/a", "u@x", "p:w", UseTls: true), RabbitMqAddress.Parse("amqps://u%40x:p%3Aw@rabbit/tenant%2Fa"));
    }

    [Fact]
    public void Plain_amqp_is_not_tls_even_on_the_tls_port()
    {
        Assert.False(RabbitMqAddress.Parse("amqp://rabbit:5671/").UseTls);
    }

    [Theory]
    [InlineData("http://rabbit/")]
    [InlineData("not a url")]
    public void Refuses_other_schemes(string value) => Assert.Throws<FormatException>(() => RabbitMqAddress.Parse(value));
}
