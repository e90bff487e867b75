using MassTransit;

namespace SafetyReports.ServiceDefaults.Messaging;

public static class BusExtensions
{
    /// <summary>Unacknowledged messages each RabbitMQ receive endpoint takes from the broker and consumes at once.</summary>
    public const int RabbitMqPrefetchCount = 64;

    public static IServiceCollection AddBusModule(this IServiceCollection services, string name, Action<IBusRegistrationConfigurator> configure) =>
        services.AddSingleton(new BusModule(name, configure));

    /// <summary>The modules registered so far, whose consumers the process's bus (or a test harness) takes.</summary>
    public static IReadOnlyList<BusModule> BusModules(this IServiceCollection services) =>
        services
            .Where(d => d.ServiceType == typeof(BusModule) && d.ImplementationInstance is BusModule)
            .Select(d => (BusModule)d.ImplementationInstance!)
            .ToList();

    /// <summary>Builds the process's bus from every registered <see cref="BusModule"/>; call after the modules.</summary>
    public static WebApplicationBuilder AddSafetyReportsBus(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var rabbitMq = builder.Configuration.GetConnectionString("RabbitMq") ?? options.RabbitMqConnectionString;
        var modules = builder.Services.BusModules();
        var (address, tls, signer) = options.Transport == BusTransport.RabbitMq ? RabbitMqSettings(options, rabbitMq) : (null, null, null);
        if (signer is not null)
        {
            builder.Services.AddSingleton(signer);
        }

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
                endpoint.UseMessageRetry(r => r
                    .Exponential(16, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500))
                    .Ignore<MessageSignatureException>());
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    // Consumers write through the store's group commit, which puts every write waiting at once into one
                    // transaction: the messages a consumer holds at once bound how many share a commit (its fsync and its
                    // page writes, the biggest CPU cost per message in the profiles). MassTransit's default is 16.
                    rabbit.PrefetchCount = RabbitMqPrefetchCount;
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
                    x.UsingRabbitMq((context, cfg) =>
                    {
                        RabbitMqHost.Configure(cfg, address!, tls);
                        // Everything that leaves is signed, and nothing unsigned is consumed (docs/architecture.md).
                        cfg.UseSendFilter(typeof(SignMessageFilter<>), context);
                        cfg.UsePublishFilter(typeof(SignMessageFilter<>), context);
                        cfg.UseConsumeFilter(typeof(VerifyMessageSignatureFilter<>), context);
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

    /// <summary>The broker's address, its TLS settings and the message signer, or one start-up error naming every setting to fix.</summary>
    private static (RabbitMqAddress? Address, RabbitMqTls? Tls, MessageSigner? Signer) RabbitMqSettings(BusOptions options, string connectionString)
    {
        var address = RabbitMqAddress.Parse(connectionString);
        var (tls, tlsErrors) = RabbitMqTls.From(options.Tls, address);
        var (signer, signingErrors) = MessageSigner.From(options);
        var errors = tlsErrors.Concat(signingErrors).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The RabbitMQ bus is misconfigured: " + string.Join(" ", errors));
        }

        return (address, tls, signer);
    }
}
