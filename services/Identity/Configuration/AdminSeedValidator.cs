namespace SafetyReports.Identity.Configuration;

/// <summary>
/// Refuses a start whose first admin could not be created, before anything is stored. Messages name
/// the key at fault and never contain the password.
/// </summary>
public sealed class AdminSeedValidator : IValidateOptions<IdentityServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityServiceOptions options)
    {
        var errors = FindErrors(options.Admin);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> FindErrors(AdminSeedOptions admin)
    {
        if (!admin.IsConfigured)
        {
            return [];
        }

        var key = $"{IdentityServiceOptions.Section}:Admin";
        var errors = new List<string>();
        if (UserRules.CheckEmail(admin.Email) is { } emailError)
        {
            errors.Add($"{key}:Email: {emailError}");
        }

        var weaknesses = PasswordPolicy.Check(admin.Password, admin.Email);
        errors.AddRange(weaknesses.Select(e => $"{key}:Password is too weak: {e}"));
        if (weaknesses.Count == 0 && ConfiguredSecret.Problem($"{key}:Password", admin.Password, PasswordPolicy.MinimumLength) is { } placeholder)
        {
            errors.Add(placeholder);
        }

        return errors;
    }
}
