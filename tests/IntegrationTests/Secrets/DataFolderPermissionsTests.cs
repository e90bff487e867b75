using System.Net;
using System.Runtime.Versioning;
using SafetyReports.IntegrationTests.Authorization;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Secrets;

/// <summary>
/// On Unix the data folder is the owner's only (0700) and so is every file in it (0600): the SQLite stores with
/// their <c>-wal</c> and <c>-shm</c> files, the portal's sessions, Identity's files and the key ring. A real
/// Standalone process (umask 022) writes to every store; files left readable by an earlier version are fixed at start.
/// </summary>
[Trait("Speed", "Slow")]
[UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionsTests
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly string[] Stores = ["intake.db", "triage.db", "notification.db", "portal-sessions.db", "identity.db"];

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_data_folder_and_every_store_file_are_the_owners_only_and_made_so_again_at_start()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var secrets = new KnownSecrets();
        await using var system = await StandaloneProcess.StartAsync(secrets.Settings());
        await UseEveryStoreAsync(system, secrets);

        AssertOwnerOnly(system.DataDirectory);

        // As an earlier version left them: readable by everyone.
        File.SetUnixFileMode(system.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var file in system.StoreFiles())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        await system.RestartAsync();
        await UseEveryStoreAsync(system, secrets);
        AssertOwnerOnly(system.DataDirectory);
    }

    private static async Task UseEveryStoreAsync(StandaloneProcess system, KnownSecrets secrets)
    {
        var api = system.Api;
        var (id, _) = await api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/model", "Permissions", "perm.reporter@example.org"));
        await api.TriageReportAsync(id);
        using (var host = await api.SendAsync(HttpMethod.Post, api.Urls.Notification, "/api/v1/hosts", TestClients.Admin,
                   new { id = $"hub-{Guid.NewGuid():N}"[..20], name = "Hub", contactEmail = "security@hub.example" }))
        {
            Assert.Equal(HttpStatusCode.Created, host.StatusCode);
        }

        using var portal = await PortalSession.SignInAsync(api.Urls.Identity, KnownSecrets.AdminEmail, secrets.AdminPassword, []);
    }

    private static void AssertOwnerOnly(string dataDirectory)
    {
        var files = Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.All(Stores, store => Assert.Contains(Path.Combine(dataDirectory, store), files));
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));

        var open = Directory.EnumerateDirectories(dataDirectory, "*", SearchOption.AllDirectories).Prepend(dataDirectory)
            .Select(d => (Path: d, Mode: File.GetUnixFileMode(d)))
            .Concat(files.Select(f => (Path: f, Mode: File.GetUnixFileMode(f))))
            .Where(e => (e.Mode & GroupOrOthers) != 0)
            .Select(e => $"{Path.GetRelativePath(dataDirectory, e.Path)}: {e.Mode}")
            .ToList();
        Assert.True(open.Count == 0, "readable by others:\n" + string.Join('\n', open));
    }
}
