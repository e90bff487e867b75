using MassTransit;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// A module's contribution to the one bus of its process (its consumers). Modules register these
/// and the host builds the bus once, so Standalone can host every module's consumers together.
/// </summary>
public sealed record BusModule(string Name, Action<IBusRegistrationConfigurator> Configure);
