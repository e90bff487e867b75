using Microsoft.Extensions.Options;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// The one way a service reads its options: bound from their section, checked by an <see cref="IValidateOptions{TOptions}"/>
/// at start (<c>ValidateOnStart</c>), so a misconfigured service refuses to start with a message naming the key.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(
        this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>Also registers the validated value itself, for classes that take the options rather than <see cref="IOptions{TOptions}"/>.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptionsValue<TOptions, TValidator>(
        this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services.AddValidatedOptions<TOptions, TValidator>(configuration, section);
    }
}
