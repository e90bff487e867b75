using Microsoft.Extensions.Options;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>Base of the services' options validators: each lists what is wrong, naming the key; nothing listed is valid.</summary>
public abstract class OptionsValidator<TOptions> : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    protected abstract IEnumerable<string> Failures(TOptions options);
}
