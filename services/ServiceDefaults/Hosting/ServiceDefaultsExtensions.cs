using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>What every SafetyReports host shares: options, logs, traces, health, errors, OpenAPI, auth.</summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The machine's locale (LANG) must not change how logs, APIs or the portal format dates and numbers:
        // everything runs in the invariant culture, and only the public pages switch to their reader's.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

        services.AddOptions<BusOptions>()
            .Bind(configuration.GetSection(BusOptions.Section))
            .PostConfigure(o => o.RabbitMqConnectionString =
                configuration.GetConnectionString("RabbitMq") ?? o.RabbitMqConnectionString);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o => o.MongoDbConnectionString =
                configuration.GetConnectionString("MongoDb") ?? o.MongoDbConnectionString);
        services.AddOptions<IdentityAuthorityOptions>().Bind(configuration.GetSection(IdentityAuthorityOptions.Section));

        RequestLog.AddDefaults(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "O";
            o.UseUtcTimestamp = true;
        });

        AddOpenTelemetry(builder, serviceName);

        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString()
                ?? ctx.HttpContext.TraceIdentifier);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddOpenApi();
        services.AddSingleton(TimeProvider.System);

        var storage = StorageOptions.FromConfiguration(configuration);
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("SafetyReports")
            .PersistKeysToFileSystem(new DirectoryInfo(DataProtectionKeysDirectory(configuration, storage)));
        ProtectKeyRingAtRest(dataProtection, configuration);

        AddForwardedHeaders(services, configuration);
        if (HttpToHttpsRedirect.IsEnabled(configuration))
        {
            HttpToHttpsRedirect.AddTo(services);
        }

        // ASP.NET Core rate limiting, with no limit of its own: modules add named policies to their endpoints.
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        // ASP.NET Core never marks the antiforgery cookie Secure by default; over https (directly or from a
        // trusted proxy) it must be, like every other cookie.
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.AddTokenValidation();
        return builder;
    }

    /// <summary>Believes X-Forwarded-For/-Proto from the configured proxies only; from no one when none are configured.</summary>
    private static void AddForwardedHeaders(IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        var (proxies, errors) = TrustedProxies.From(settings);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        if (proxies is not null)
        {
            services.AddSingleton(proxies);
            services.Configure<ForwardedHeadersOptions>(proxies.ApplyTo);
        }
    }

    /// <summary>Encrypts the key ring's files with the configured certificate; leaves them as they are when none is.</summary>
    private static void ProtectKeyRingAtRest(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var settings = configuration.GetSection(KeyRingCertificateSettings.Section).Get<KeyRingCertificateSettings>() ?? new KeyRingCertificateSettings();
        var (certificates, errors) = KeyRingCertificates.Load(settings);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        if (certificates is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificates.Current)
                .UnprotectKeysWithAnyCertificate([.. certificates.Decrypting]);
        }
    }

    /// <summary>Web-style camelCase JSON with enums as strings, shared by the APIs and the stores.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
    }

    /// <summary>
    /// Services that protect data for each other (Intake encrypts the reporter's contact, Triage
    /// decrypts it) must share one key ring: by default a folder under the data directory.
    /// </summary>
    private static string DataProtectionKeysDirectory(Microsoft.Extensions.Configuration.IConfiguration configuration, StorageOptions storage)
    {
        var configured = configuration["SafetyReports:DataProtection:KeysDirectory"];
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(storage.ResolveDataDirectory(), "keys")
            : Path.GetFullPath(configured);
        return Storage.OwnerOnlyFiles.FolderWithFiles(directory);
    }

    private static void AddOpenTelemetry(WebApplicationBuilder builder, string serviceName)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource("MassTransit")
                    .AddSource(MessagingActivity.SourceName);
                if (!TraceSampling.IsConfigured(builder.Configuration))
                {
                    t.SetSampler(TraceSampling.Default());
                }
            })
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentationIfAvailable()
                .AddMeter("MassTransit")
                .AddMeter(SafetyReportsMetrics.MeterName));

        // Exporting is opt-in through the standard OpenTelemetry variables.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime");

    /// <summary>Forwarded headers from trusted proxies, error handling, health endpoints and the OpenAPI document.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // Outermost: it sees every request, and the answer as finally sent.
        app.UseRequestLog();
        if (app.Services.GetService<TrustedProxies>() is not null)
        {
            // First: everything after it (HSTS, Secure cookies, rate limits by client address) sees the real client and scheme.
            app.UseForwardedHeaders();
        }

        app.UseBaselineSecurityHeaders();
        if (HttpToHttpsRedirect.IsEnabled(app.Configuration))
        {
            // After the forwarded headers (a trusted proxy's https is https) and the baseline headers (the redirect carries them too).
            HttpToHttpsRedirect.UseIn(app);
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Before authentication: a request over its limit is refused before any secret or password is checked.
        app.UseRateLimiter();
        UndecodableFormAnswer.UseUndecodableFormAnswers(app);
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
