namespace SafetyReports.Identity.Configuration;

/// <summary>Refuses a start with a limit that would switch a control off (0 or less) or is not a number a window can hold.</summary>
public sealed class RequestLimitValidator : IValidateOptions<IdentityServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityServiceOptions options)
    {
        var errors = FindErrors(options.RateLimit);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> FindErrors(RequestLimitOptions limits)
    {
        var key = $"{IdentityServiceOptions.Section}:RateLimit";
        var errors = new List<string>();
        if (limits.SignInAttemptsPerMinute is < 1 or > RequestLimitOptions.Max)
        {
            errors.Add($"{key}:SignInAttemptsPerMinute must be between 1 and {RequestLimitOptions.Max}.");
        }

        if (limits.TokenRequestsPerMinute is < 1 or > RequestLimitOptions.Max)
        {
            errors.Add($"{key}:TokenRequestsPerMinute must be between 1 and {RequestLimitOptions.Max}.");
        }

        return errors;
    }
}
