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
}
