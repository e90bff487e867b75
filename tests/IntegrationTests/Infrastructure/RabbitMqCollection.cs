namespace SafetyReports.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that use the local RabbitMQ. The fault test stops and starts the broker's application
/// (<c>rabbitmqctl stop_app</c>/<c>start_app</c>), which every vhost feels, so these tests run one
/// at a time and never beside other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ broker";
}
