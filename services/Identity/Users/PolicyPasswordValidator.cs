namespace SafetyReports.Identity.Users;

/// <summary>Applies <see cref="PasswordPolicy"/> wherever ASP.NET Core Identity sets a password.</summary>
public sealed class PolicyPasswordValidator : IPasswordValidator<IdentityUser>
{
    public const string ErrorCode = "PasswordPolicy";

    public async Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password)
    {
        var email = user.Email ?? await manager.GetEmailAsync(user);
        var errors = PasswordPolicy.Check(password, email);
        return errors.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. errors.Select(e => new IdentityError { Code = ErrorCode, Description = e })]);
    }
}
