using System.Net;
using SafetyReports.IntegrationTests.Authorization;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Secrets;

/// <summary>
/// Secrets and reporter contact against a real Standalone process: never stored in the clear in any
/// file of its data folder (SQLite files with -wal/-shm, key folders), and still usable after a restart
/// on the same folder because the Data Protection key ring persists (a portal session survives it too).
/// </summary>
[Trait("Speed", "Slow")]
public class SecretsAtRestTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Client_and_webhook_secrets_and_reporter_contact_are_in_no_store_file_and_still_work_after_a_restart()
    {
        var secrets = new KnownSecrets();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await StandaloneProcess.StartAsync(secrets.Settings());
        try
        {
            Assert.False(string.IsNullOrEmpty(await system.Api.TokenAsync(secrets.Client)));
            var subscription = await SecretJourney.SubscribeAsync(system.Api, receiver, secrets);
            var before = await SecretJourney.SubmitWithContactAsync(system.Api, subscription, secrets);
            using var portal = await PortalSession.SignInAsync(system.Api.Urls.Identity, KnownSecrets.AdminEmail, secrets.AdminPassword, []);

            var files = system.StoreFiles();
            Assert.Contains(files, f => f.EndsWith("identity.db", StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith("notification.db", StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith("triage.db", StringComparison.Ordinal));
            Assert.Empty(secrets.FoundIn(files));

            await system.RestartAsync();

            await SecretJourney.ExpectContactAsync(system.Api, before);
            await ExpectPortalWithoutPasswordAsync(portal);

            Assert.False(string.IsNullOrEmpty(await system.Api.TokenAsync(secrets.Client)));
            var after = await SecretJourney.SubmitWithContactAsync(system.Api, subscription, secrets);
            await SecretJourney.TriageAndExpectSignedWebhookAsync(system.Api, receiver, subscription, after);
            Assert.Empty(secrets.FoundIn(system.StoreFiles()));
        }
        catch
        {
            output.WriteLine(system.Logs());
            throw;
        }
    }

    /// <summary>
    /// The portal's server-side session is kept in a SQLite file and its entries are encrypted with the persisted
    /// key ring, so after the restart the portal page opens straight away: no round trip to Identity at all.
    /// </summary>
    private static async Task ExpectPortalWithoutPasswordAsync(HttpClient portal)
    {
        var cancel = TestContext.Current.CancellationToken;
        var visited = new List<string>();
        using (var response = await PortalSession.FollowAsync(portal, await portal.GetAsync("portal", cancel), [], visited))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("/portal", response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Empty(visited);
        }
    }

    /// <summary>
    /// A whole run at Information level (seeding, the first admin signing in to the portal, tokens, a rotated webhook secret, a report with contact,
    /// a status look-up with its token, a signed webhook) writes none of those values to the log.
    /// </summary>
    [Fact]
    public async Task A_full_run_logged_at_information_level_contains_no_secret_token_password_or_contact()
    {
        var secrets = new KnownSecrets();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var system = await StandaloneProcess.StartAsync(secrets.Settings(
            ("Logging:LogLevel:Default", "Information"), ("Logging:LogLevel:Microsoft.AspNetCore", "Information")));
        var api = system.Api;
        foreach (var client in TestClients.All.Append(secrets.Client))
        {
            secrets.Add($"access token of {client.ClientId}", await api.TokenAsync(client));
        }

        using var portal = await PortalSession.SignInAsync(api.Urls.Identity, KnownSecrets.AdminEmail, secrets.AdminPassword, []);
        var subscription = await SecretJourney.SubscribeAsync(api, receiver, secrets);
        var report = await SecretJourney.SubmitWithContactAsync(api, subscription, secrets);
        await SecretJourney.TriageAndExpectSignedWebhookAsync(api, receiver, subscription, report);
        var request = new HttpRequestMessage(HttpMethod.Get, SystemUnderTest.Url(api.Urls.Intake, $"/api/v1/reports/{report.Id}/status"));
        request.Headers.Add("X-Report-Token", report.StatusToken);
        using (var status = await api.Http.SendAsync(request, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }

        var logs = system.Logs();
        Assert.Contains("\"LogLevel\":\"Information\"", logs);
        Assert.Contains(report.Id.ToString(), logs);
        Assert.Empty(secrets.FoundIn(logs));
    }
}
