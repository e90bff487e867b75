namespace SafetyReports.ServiceDefaults.Email;

/// <summary>How a service that sends mail registers the mailer: the options, the transport, and a dispatcher and a pruner for its store's mail outbox.</summary>
public static class EmailRegistration
{
    public static IServiceCollection AddMailer<TStore>(this IServiceCollection services, IConfiguration configuration)
        where TStore : class, IMailOutboxStore
    {
        if (!services.Any(d => d.ServiceType == typeof(IMailTransport)))
        {
            services.AddValidatedOptionsValue<EmailOptions, EmailOptionsValidator>(configuration, EmailOptions.Section);
            services.AddSingleton<MailProtector>();
            services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<EmailOptions>() is { UsesSmtp: true } options
                ? new SmtpMailTransport(options)
                : EmlFolderTransport.Under(StorageOptions.FromConfiguration(configuration)));
        }

        services.AddHostedService<MailDispatcher<TStore>>();
        services.AddHostedService<MailOutboxPruner<TStore>>();
        return services;
    }
}
