using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.IntegrationTests.Identity;

/// <summary>A database from the previous version gains the users tables; the first admin is seeded and checked at start.</summary>
[Trait("Speed", "Slow")]
public sealed class IdentityUpgradeTests : IDisposable
{
    private const string AdminEmail = "first.admin@example.org";
    private const string AdminPassword = "a long start-up secret";

    private readonly string _dataDirectory = ScratchDirectory.Create();
    private readonly int _port = IdentityTestHost.FreePort();

    private static Dictionary<string, string?> WithAdmin(Dictionary<string, string?> settings, string email = AdminEmail, string password = AdminPassword)
    {
        settings["SafetyReports:Identity:Admin:Email"] = email;
        settings["SafetyReports:Identity:Admin:Password"] = password;
        return settings;
    }

    [Fact]
    public async Task A_database_made_by_the_old_version_gains_the_users_tables_and_keeps_its_clients()
    {
        await LegacyIdentityDatabase.CreateAsync(_dataDirectory);
        Assert.DoesNotContain("AspNetUsers", await LegacyIdentityDatabase.TableNamesAsync(_dataDirectory));

        var clients = new SeededTestClients();
        await using (var host = await IdentityTestHost.StartAsync(_dataDirectory, _port, WithAdmin(clients.Settings())))
        {
            Assert.Equal(3, await host.CountClientsAsync());
            Assert.Equal([Roles.Admin], await RolesOfAsync(host, AdminEmail));
            await TokenClient.AccessTokenAsync(host.Http, SeededTestClients.TriageClientId, clients.TriageSecret, Scopes.Triage);
        }

        var tables = await LegacyIdentityDatabase.TableNamesAsync(_dataDirectory);
        Assert.All(new[] { "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "OpenIddictApplications", "OpenIddictTokens" }, t => Assert.Contains(t, tables));

        Assert.Equal([1], await LegacyIdentityDatabase.JournalAsync(_dataDirectory));

        // A second start over the upgraded file changes nothing and seeds no second admin.
        await using var again = await IdentityTestHost.StartAsync(_dataDirectory, _port, WithAdmin(clients.Settings(), "other.admin@example.org"));
        Assert.Equal([Roles.Admin], await RolesOfAsync(again, AdminEmail));
        Assert.Null(await RolesOfAsync(again, "other.admin@example.org"));
    }

    [Fact]
    public async Task A_database_made_by_the_release_before_the_journal_keeps_its_roles_and_records_its_version()
    {
        await LegacyIdentityDatabase.CreatePreviousReleaseAsync(_dataDirectory, "auditor");

        await using (var host = await IdentityTestHost.StartAsync(_dataDirectory, _port, WithAdmin(new SeededTestClients().Settings())))
        {
            await using var scope = host.App.Services.CreateAsyncScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().RoleExistsAsync("auditor"));
            Assert.Equal([Roles.Admin], await RolesOfAsync(host, AdminEmail));
        }

        Assert.Equal([1], await LegacyIdentityDatabase.JournalAsync(_dataDirectory));
    }

    [Fact]
    public async Task The_seeded_admin_can_sign_in_with_the_configured_password()
    {
        await using var host = await IdentityTestHost.StartAsync(_dataDirectory, _port, WithAdmin(new SeededTestClients().Settings()));

        await using var scope = host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var admin = await users.FindByEmailAsync(AdminEmail);
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, AdminPassword));
        Assert.True(await users.GetLockoutEnabledAsync(admin));
    }

    [Fact]
    public async Task A_too_weak_admin_password_stops_the_start_without_revealing_it()
    {
        const string weak = "admin123";
        var settings = WithAdmin(new SeededTestClients().Settings(), password: weak);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => IdentityTestHost.StartAsync(_dataDirectory, _port, settings));

        Assert.Contains("SafetyReports:Identity:Admin:Password is too weak: The password must be at least 12 characters long.", error.Message);
        Assert.DoesNotContain(weak, error.Message);
    }

    private static async Task<IReadOnlyList<string>?> RolesOfAsync(IdentityTestHost host, string email)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is null ? null : [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)];
    }

    public void Dispose() => ScratchDirectory.Delete(_dataDirectory);
}
