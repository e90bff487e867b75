using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.ServiceDefaults.Messaging;

public static class BusExtensions
{
    public static IServiceCollection AddBusModule(this IServiceCollection services, string name, Action<IBusRegistrationConfigurator> configure) =>
        services.AddSingleton(new BusModule(name, configure));

    /// <summary>Builds the process's bus from every registered <see cref="BusModule"/>; call after the modules.</summary>
    public static WebApplicationBuilder AddSafetyReportsBus(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var rabbitMq = builder.Configuration.GetConnectionString("RabbitMq") ?? options.RabbitMqConnectionString;
        var modules = builder.Services
            .Where(d => d.ServiceType == typeof(BusModule) && d.ImplementationInstance is BusModule)
            .Select(d => (BusModule)d.ImplementationInstance!)
            .ToList();

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("safety-reports", false));
            foreach (var module in modules)
            {
                module.Configure(x);
            }

            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Transient store errors (a busy SQLite file, a MongoDB failover, a burst of version
                // conflicts) are retried here for about a quarter of an hour; only then does a message go
                // to the _error queue (docs/architecture.md says how to bring it back). Submissions are
                // re-sent by Intake in any case.
                endpoint.UseMessageRetry(r => r.Exponential(16, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500)));
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    // Quorum queues from day one: a classic queue cannot later become one under the same name.
                    rabbit.SetQuorumQueue();
                }
            });

            switch (options.Transport)
            {
                case BusTransport.InMemory:
                    x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                    break;
                case BusTransport.RabbitMq:
                    var address = RabbitMqAddress.Parse(rabbitMq);
                    x.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
                        {
                            h.Username(address.Username);
                            h.Password(address.Password);
                            h.PublisherConfirmation = true;
                        });
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Unknown bus transport '{options.Transport}'.");
            }
        });

        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
