using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SafetyReports.Identity.Pages.IdentitySite;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>
/// Every sign-in attempt verifies exactly one password hash, whether the e-mail has no account, the account is
/// locked, or the password is wrong or right: the time an answer takes must not tell which e-mails are maintainers
/// (a locked account answered in 5–27 ms, an unknown e-mail in 50–150 ms). Counted, not timed: a hasher that counts.
/// </summary>
public sealed class SignInWorkTests : IAsyncLifetime
{
    private const string AdminEmail = "timing.admin@example.org";
    private const string AdminPassword = "the timing admin passphrase";

    private readonly string _dataDirectory = ScratchDirectory.Create();
    private readonly CountingPasswordHasher _hasher = new();
    private IdentityTestHost? _host;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["SafetyReports:Identity:Admin:Email"] = AdminEmail,
            ["SafetyReports:Identity:Admin:Password"] = AdminPassword,
            ["SafetyReports:Identity:RateLimit:SignInAttemptsPerMinute"] = "100000",
        };
        _host = await IdentityTestHost.StartAsync(_dataDirectory, IdentityTestHost.FreePort(), settings,
            services => services.AddScoped<IPasswordHasher<IdentityUser>>(_ => _hasher));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        ScratchDirectory.Delete(_dataDirectory);
    }

    [Fact]
    public async Task Unknown_email_wrong_password_locked_account_and_success_each_verify_one_password_hash()
    {
        using var browser = new OidcBrowser(_host!.BaseAddress.ToString());

        Assert.Equal(LoginModel.WrongCredentials, await AttemptAsync(browser, "nobody.here@example.org", "a wrong passphrase"));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(LoginModel.WrongCredentials, await AttemptAsync(browser, AdminEmail, "a wrong passphrase"));
        }

        // The fifth wrong password locks the account; then even the right one is refused, after the same work.
        Assert.Equal(LoginModel.LockedOut, await AttemptAsync(browser, AdminEmail, "a wrong passphrase"));
        Assert.Equal(LoginModel.LockedOut, await AttemptAsync(browser, AdminEmail, "a wrong passphrase"));
        Assert.Equal(LoginModel.LockedOut, await AttemptAsync(browser, AdminEmail, AdminPassword));
        // An unknown e-mail locks out alike, and keeps doing the work.
        for (var i = 0; i < 6; i++)
        {
            await AttemptAsync(browser, "someone.else@example.org", "a wrong passphrase");
        }

        using var other = new OidcBrowser(_host.BaseAddress.ToString());
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var admin = (await users.FindByEmailAsync(AdminEmail))!;
            await users.SetLockoutEndDateAsync(admin, null);
        }

        Assert.Null(await AttemptAsync(other, AdminEmail, AdminPassword));
    }

    /// <returns>The error the page shows, or null when it signed in; asserts that exactly one hash was verified and none made.</returns>
    private async Task<string?> AttemptAsync(OidcBrowser browser, string email, string password)
    {
        var (verifiedBefore, hashedBefore) = (_hasher.Verified, _hasher.Hashed);
        using var response = await browser.SubmitLoginAsync("/account/login", email, password);
        Assert.Equal(1, _hasher.Verified - verifiedBefore);
        Assert.Equal(0, _hasher.Hashed - hashedBefore);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return null;
        }

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var start = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no error shown");
        return WebUtility.HtmlDecode(html[(html.IndexOf('>', start) + 1)..html.IndexOf("</p>", start, StringComparison.Ordinal)]);
    }

    /// <summary>ASP.NET Core Identity's hasher, counting what it does.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verified;
        private int _hashed;

        public int Verified => Volatile.Read(ref _verified);

        public int Hashed => Volatile.Read(ref _hashed);

        public string HashPassword(IdentityUser user, string password)
        {
            Interlocked.Increment(ref _hashed);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
