using Microsoft.Extensions.Logging;

namespace SafetyReports.Portal.Clients;

public static class ApiClientRegistration
{
    public static void AddPortalApiClients(this IServiceCollection services)
    {
        services.AddTransient<AccessTokenHandler>();
        Add<TriageClient>(services, o => o.TriageApi!, (http, logger) => new TriageClient(new ApiCaller(http, logger)));
        Add<NotificationClient>(services, o => o.NotificationApi!, (http, logger) => new NotificationClient(new ApiCaller(http, logger)));
        Add<HostClient>(services, o => o.NotificationApi!, (http, logger) => new HostClient(new ApiCaller(http, logger)));
        Add<IdentityClient>(services, o => o.IdentityApi!, (http, logger) => new IdentityClient(new ApiCaller(http, logger)));
    }

    private static void Add<TClient>(IServiceCollection services, Func<PortalOptions, string> baseUrl, Func<HttpClient, ILogger, TClient> create)
        where TClient : class
    {
        services.AddHttpClient(typeof(TClient).Name, (provider, http) =>
            {
                http.BaseAddress = new Uri(baseUrl(provider.GetRequiredService<IOptions<PortalOptions>>().Value), UriKind.Absolute);
                http.Timeout = TimeSpan.FromSeconds(30);
            })
            .AddTypedClient((http, provider) => create(http, provider.GetRequiredService<ILoggerFactory>().CreateLogger<TClient>()))
            .AddHttpMessageHandler<AccessTokenHandler>()
            // The factory's own logs carry full URLs (search words, assignees' e-mails); ApiCaller logs what is safe.
            .RemoveAllLoggers();
    }
}
