using System.Net;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Faults;

/// <summary>
/// Intake and Triage on different Data Protection key rings (the misconfiguration the README warns about, or a key
/// lost in a restore): every report with a contact answered 500, and so did every transition of it. Now the report
/// is read and moved as usual with its contact marked unavailable, Triage says why once in its log, and its
/// readiness reports the key ring as degraded.
/// </summary>
[Trait("Speed", "Slow")]
[Collection(RabbitMqCollection.Name)]
public sealed class KeyRingMismatchTests(ITestOutputHelper output)
{
    private const string KeysSetting = "SafetyReports:DataProtection:KeysDirectory";

    [Fact]
    public async Task Reports_whose_contact_Triage_cannot_decrypt_are_read_and_moved_with_the_contact_unavailable_and_health_degraded()
    {
        await using var broker = await RabbitMqBroker.CreateVirtualHostAsync();
        using var triageKeys = new TempDirectory("safetyreports-triage-keys");
        await using var system = await DistributedSystem.StartAsync(broker, new DistributedSystemOptions
        {
            ServiceSettings = { ["Triage"] = new() { [KeysSetting] = triageKeys.Path } },
        });
        var api = system.Api;
        try
        {
            var (id, _) = await api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/model", "Contact under another key ring", "ring.reporter@example.org"));
            var (withoutContact, _) = await api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/model", "No contact"));

            var report = await api.TriageReportAsync(id, timeout: TimeSpan.FromSeconds(60));
            Assert.True(report["contactUnavailable"]!.GetValue<bool>());
            Assert.Null(report["reporter"]);
            Assert.Equal("Contact under another key ring", report["title"]!.GetValue<string>());
            Assert.False((await api.TriageReportAsync(withoutContact))["contactUnavailable"]!.GetValue<bool>());

            // Every move of the report answers as usual.
            var version = report["version"]!.GetValue<long>();
            foreach (var to in new[] { "triaging", "triaged" })
            {
                using var moved = await api.SendAsync(HttpMethod.Post, api.Urls.Triage, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
                    new { to, category = "violent-crimes", severity = "high", expectedVersion = version, note = "moved despite the key ring" });
                var body = await moved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True(moved.StatusCode == HttpStatusCode.OK, $"{to}: {(int)moved.StatusCode} {body}");
                var view = JsonNode.Parse(body)!;
                Assert.Equal(to, view["status"]!.GetValue<string>());
                Assert.True(view["contactUnavailable"]!.GetValue<bool>());
                version = view["version"]!.GetValue<long>();
            }

            using (var health = await api.Http.GetAsync($"{api.Urls.Triage}/health/ready", TestContext.Current.CancellationToken))
            {
                var text = await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True(health.StatusCode == HttpStatusCode.OK, text);
                var ready = JsonNode.Parse(text)!;
                Assert.Equal("Degraded", ready["status"]!.GetValue<string>());
                var check = ready["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "reporter-contact-key-ring")!;
                Assert.Equal("Degraded", check["status"]!.GetValue<string>());
            }

            // One clear error naming the setting, not one per request (the health checks' own warning per degraded probe aside).
            var log = system.Process("Triage").LogText();
            var errors = log.Split('\n')
                .Where(line => line.Contains(KeysSetting, StringComparison.Ordinal) && line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal))
                .ToList();
            Assert.True(errors.Count == 1, string.Join('\n', errors));
            Assert.Contains("SafetyReports.ServiceDefaults.Contacts.ReporterContactProtector", errors[0]);
            Assert.DoesNotContain("ring.reporter@example.org", log);
        }
        catch
        {
            output.WriteLine(system.Logs());
            throw;
        }
    }
}
