using System.Net;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Notification;

namespace SafetyReports.IntegrationTests.HostileInput;

/// <summary>
/// Property-based tests over the portal's state-changing forms, posted by a signed-in admin with a valid
/// antiforgery token: the report's actions (claim, assign, unassign, every transition (needs-info and
/// duplicate included, triaged with what the host receives), classification, notes, the notice, a message to the host),
/// bulk rejection from the queue, and the admin forms for
/// users, clients, hosts, subscriptions, deliveries and notices. Every answer: no 5xx, bounded time, a page or
/// a redirect within the portal; the report, its audit chain, users, clients, hosts, subscriptions and
/// deliveries change only when the answer says the action was done.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class PortalHostileInputTests(PortalHostileInputFixture fixture) : IClassFixture<PortalHostileInputFixture>, IDisposable
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true);

    private static readonly string[] Statuses =
        ["received", "triaging", "needs_info", "triaged", "host_notified", "acknowledged", "resolved", "rejected", "duplicate", "TRIAGED", ""];

    /// <summary>Stands for the report's current version in generated forms; replaced just before posting.</summary>
    private const string VersionMark = "VERSION-MARK";

    private readonly HttpProbe _probe = new(fixture.System.Url);

    [Fact]
    public async Task Hostile_report_action_forms_change_a_report_only_when_the_page_says_so()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (id, _) = await fixture.System.Api.SubmitAsync(SystemUnderTest.Report("hub-p", $"org/portal-{i}", $"Portal form target {i}"));
            await fixture.System.Api.TriageReportAsync(id);
            ids.Add(id);
        }

        using var portal = await fixture.SignedInAdminAsync();
        var bearer = await fixture.System.Api.TokenAsync(TestClients.Triager);
        var version = Gen.Frequency((6, Gen.Constant(VersionMark)), (1, Gen.Elements("0", "-1", "9223372036854775807", "99999999999999999999", "1.5", "")),
            (1, HostileForm.Value("1")));
        var cases =
            from target in Gen.Elements(ids.ToArray())
            from handler in Gen.Elements("Claim", "Assign", "Unassign", "Transition", "Classify", "Note", "Notice", "HostMessage")
            from expected in version
            from to in HostileForm.Value(Statuses)
            from severity in HostileForm.Value("low", "medium", "high", "critical", "HIGH")
            from category in HostileForm.Value("hate", "privacy", "cbrn", "other", "unknown-category")
            from note in HostileForm.Value("An internal note", "")
            from publicNote in HostileForm.Value("Which revision was it?", "")
            from duplicateOf in HostileForm.Value(ids[1].ToString(), ids[0].ToString(), Guid.NewGuid().ToString(), "{" + ids[1] + "}", ids[1].ToString("N"))
            from assignee in HostileForm.Value(PortalHostileInputFixture.AdminEmail, "someone@example.org", "")
            from text in HostileForm.Value("A note from the portal", "")
            from shareDescription in HostileForm.Value("true", "false", "")
            from shareEvidence in HostileForm.Repeated("shareEvidence", HostileForm.Value("0", "1", "2", "-1"))
            from noteToHost in HostileForm.Value("For the host", "")
            from extra in HostileForm.Extra("to", "expectedVersion", "text", "shareEvidence")
            select (target, handler, HostileForm.Join(
                $"expectedVersion={expected}", $"to={to}", $"severity={severity}", $"category={category}", $"note={note}",
                $"publicNote={publicNote}", $"duplicateOf={duplicateOf}", $"assignee={assignee}", $"text={text}",
                $"shareDescription={shareDescription}", shareEvidence, $"noteToHost={noteToHost}", extra));
        var seen = new HashSet<bool>();
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((Guid Id, string Handler, string Form) c) =>
        {
            var before = ReportState(c.Id, bearer);
            var answer = portal.Post($"portal/reports/{c.Id}?handler={c.Handler}", c.Form.Replace(VersionMark, before.Version.ToString(), StringComparison.Ordinal));

            PortalForms.AssertPageAnswer(answer);
            var after = ReportState(c.Id, bearer);
            seen.Add(answer.Accepted);
            if (answer.Accepted && answer.Location!.Contains("done=notice_unchanged", StringComparison.Ordinal))
            {
                // The choice on record again: done, and nothing changed.
                Assert.Equal(before, after);
            }
            else if (answer.Accepted)
            {
                Assert.Equal($"/portal/reports/{c.Id}", answer.Location!.Split('?')[0]);
                Assert.True(after.Audit > before.Audit, $"{c.Handler} {c.Form}: accepted without an audit entry");
            }
            else
            {
                Assert.True(answer.ShowsAnError || answer.Answer.Status == HttpStatusCode.BadRequest || HttpProbe.IsProtocolRejection(answer.Answer), $"{c.Handler} {c.Form}: {answer}");
                Assert.Equal(before, after);
            }
        }));
        // The cases took both ways: some were done, some refused.
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public async Task Hostile_bulk_rejections_from_the_queue_reject_only_selected_reports_and_only_when_the_page_says_so()
    {
        var pool = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var (id, _) = await fixture.System.Api.SubmitAsync(SystemUnderTest.Report("hub-p", $"org/bulk-{i}", $"Bulk target {i}"));
            await fixture.System.Api.TriageReportAsync(id);
            pool.Add(id);
        }

        var (bystander, _) = await fixture.System.Api.SubmitAsync(SystemUnderTest.Report("hub-p", "org/bystander", "Never selected"));
        await fixture.System.Api.TriageReportAsync(bystander);
        using var portal = await fixture.SignedInAdminAsync();
        var bearer = await fixture.System.Api.TokenAsync(TestClients.Triager);
        var idValues = HostileForm.Value([.. pool.Select(p => p.ToString()), Guid.NewGuid().ToString(), Guid.Empty.ToString(), pool[0].ToString("B")]);
        var queries = Gen.Zip(Gen.Elements("status", "q", "severity", "sort", "cursor", "overdue", "limit"), HostileForm.Value("received", "oldest", "true").Select(v => v[..Math.Min(v.Length, 1_000)]))
            .ListOf().Select(list => string.Concat(list.Take(3).Select(p => $"&{p.Item1}={p.Item2}")));
        var cases =
            from ids in HostileForm.Repeated("ids", idValues, 4)
            from note in HostileForm.Value("spam", "Spam wave", "")
            from query in queries
            from extra in HostileForm.Extra("ids", "note")
            select (query, HostileForm.Join(ids, $"note={note}", extra));
        var seen = new HashSet<bool>();
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Query, string Form) c) =>
        {
            var before = pool.Append(bystander).ToDictionary(id => id, id => ReportState(id, bearer));
            var answer = portal.Post($"portal?handler=BulkReject{c.Query}", c.Form);

            PortalForms.AssertPageAnswer(answer);
            seen.Add(answer.Accepted);
            Assert.True(answer.Accepted || answer.ShowsAnError || answer.Answer.Status == HttpStatusCode.BadRequest || HttpProbe.IsProtocolRejection(answer.Answer), $"{c.Query} {c.Form}: {answer}");
            foreach (var (id, state) in before)
            {
                var after = ReportState(id, bearer);
                if (after != state)
                {
                    Assert.True(answer.Accepted, $"{id} changed without a notice: {c.Form}");
                    Assert.Contains(id.ToString(), Uri.UnescapeDataString(c.Form), StringComparison.OrdinalIgnoreCase);
                    Assert.Equal("rejected", after.Status);
                }
            }
        }));
        // The cases took both ways: some were done, some refused.
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public async Task Hostile_admin_forms_change_users_clients_hosts_and_subscriptions_only_when_the_page_says_so()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var notification = new NotificationClient(fixture.System.Api);
        await notification.EnsureHostAsync("hub-p");
        var subscription = await notification.SubscribeAsync(TestClients.Admin, "hub-p", receiver.BaseUrl + "/portal", null, ["org/*"]);
        var (delivery, _) = await notification.SendTestAsync(subscription.Id);
        using var portal = await fixture.SignedInAdminAsync();
        var identityBearer = await fixture.System.Api.TokenAsync(PortalHostileInputFixture.IdentityAdmin);
        var adminBearer = await fixture.System.Api.TokenAsync(TestClients.Admin);
        var triager = JsonNode.Parse(_probe.SendJson(HttpMethod.Post, "api/v1/identity/users", System.Text.Encoding.UTF8.GetBytes(new JsonObject
        {
            ["email"] = $"portal-triager-{Guid.NewGuid():N}@example.org", ["password"] = "a long enough passphrase", ["roles"] = new JsonArray("triager"),
        }.ToJsonString()), identityBearer).Body)!["id"]!.GetValue<string>();
        var clients = Enumerable.Range(0, 10).Select(i => $"portal-deletable-{i}").ToArray();
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.Created, _probe.SendJson(HttpMethod.Post, "api/v1/identity/clients", System.Text.Encoding.UTF8.GetBytes(
                new JsonObject { ["clientId"] = client, ["scopes"] = new JsonArray("triage") }.ToJsonString()), identityBearer).Status);
        }

        var sid = subscription.Id.ToString();
        var subscriptionIds = HostileForm.Value(sid, sid, Guid.NewGuid().ToString(), sid.ToUpperInvariant());
        var urls = HostileForm.Value(receiver.BaseUrl + "/edited", "http://169.254.169.254/", "ftp://example.org/", "https://user:pass@example.org/", "javascript:alert(1)");
        var events = HostileForm.Repeated("events", HostileForm.Value("report.triaged", "report.resolved", "report.created", "webhook.test", "REPORT.TRIAGED"));
        var patterns = HostileForm.Value("org/*", "org/*\nother/**", "has space", "**/**", "");
        var roles = HostileForm.Repeated("roles", HostileForm.Value("triager", "admin", "root", "Admin"));
        var forms = Gen.OneOf(
            from email in HostileForm.Value($"new-{Guid.NewGuid():N}@example.org", "not an address", PortalHostileInputFixture.AdminEmail)
            from password in HostileForm.Value("a new maintainer's passphrase", "short")
            from r in roles
            select ("portal/admin/users?handler=Create", HostileForm.Join($"email={email}", $"password={password}", r)),
            from user in HostileForm.Value(triager, triager.ToUpperInvariant(), Guid.NewGuid().ToString())
            from r in roles
            select ($"portal/admin/users?handler=Roles&userId={user}", r),
            from user in HostileForm.Value(triager, Guid.NewGuid().ToString(), ".", "..")
            from handler in Gen.Elements("Lock", "Unlock")
            select ($"portal/admin/users?handler={handler}&userId={user}", ""),
            from id in HostileForm.Value($"portal-new-{Guid.NewGuid():N}"[..24], clients[0], "has space", "")
            from scopes in HostileForm.Repeated("scopes", HostileForm.Value("triage", "host", "identity:admin", "notifications:admin", "openid", "root"))
            from host in HostileForm.Value("", "hub-p", "hub-unknown")
            select ("portal/admin/clients?handler=Create", HostileForm.Join($"clientId={id}", scopes, $"hostId={host}")),
            from id in HostileForm.Value([.. clients, ".", ".."])
            select ($"portal/admin/clients?handler=Delete&clientId={id}", ""),
            from id in HostileForm.Value($"hub-{Guid.NewGuid():N}"[..16], "hub-p", "Has Space")
            from name in HostileForm.Value("A model hub")
            from contact in HostileForm.Value("trust@example.org", "nobody")
            select ("portal/admin/hosts?handler=Create", HostileForm.Join($"id={id}", $"name={name}", $"contactEmail={contact}")),
            from url in urls
            from e in events
            from p in patterns
            from handler in Gen.Elements("CreateSubscription", "Edit")
            from s in subscriptionIds
            select ($"portal/admin/hosts/hub-p?handler={handler}&subscriptionId={s}", HostileForm.Join($"url={url}", e, $"modelPatterns={p}")),
            from handler in Gen.Elements("Enable", "Disable", "Test", "Rotate")
            from s in subscriptionIds
            select ($"portal/admin/hosts/hub-p?handler={handler}&subscriptionId={s}", ""),
            from s in subscriptionIds
            from since in HostileForm.Value("2000-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "yesterday", "")
            select ($"portal/admin/hosts/hub-p?handler=Recover&subscriptionId={s}", $"since={since}"),
            from d in HostileForm.Value(delivery.ToString(), Guid.NewGuid().ToString())
            from status in HostileForm.Value("failed", "")
            select ($"portal/admin/hosts/hub-p/deliveries?handler=Replay&deliveryId={d}&status={status}", ""),
            from s in subscriptionIds
            select ($"portal/admin/notices?handler=Enable&subscriptionId={s}", ""));
        var cases =
            from form in forms
            from extra in HostileForm.Extra("url", "roles", "userId", "subscriptionId")
            select (form.Item1, HostileForm.Join(form.Item2, extra));
        var seen = new HashSet<bool>();
        Check.One(Cases, Prop.ForAll(cases.ToArbitrary(), ((string Path, string Form) c) =>
        {
            var before = AdminState(identityBearer, adminBearer);
            var answer = portal.Post(c.Path, c.Form);

            PortalForms.AssertPageAnswer(answer);
            seen.Add(answer.Accepted);
            if (!answer.Accepted)
            {
                Assert.True(answer.ShowsAnError || answer.Answer.Status == HttpStatusCode.BadRequest || HttpProbe.IsProtocolRejection(answer.Answer), $"{c.Path} {c.Form}: {answer}");
                Assert.Equal(before, AdminState(identityBearer, adminBearer));
            }
        }));
        // The cases took both ways: some were done, some refused.
        Assert.Equal(2, seen.Count);
    }

    private sealed record ReportSnapshot(long Version, string Status, string? Assignee, int Audit);

    private ReportSnapshot ReportState(Guid id, string bearer)
    {
        var report = JsonNode.Parse(_probe.Get($"api/v1/triage/reports/{id}", bearer).Body)!;
        var audit = JsonNode.Parse(_probe.Get($"api/v1/triage/reports/{id}/audit", bearer).Body)!.AsArray().Count;
        return new ReportSnapshot(report["version"]!.GetValue<long>(), report["status"]!.GetValue<string>(), report["assignee"]?.GetValue<string>(), audit);
    }

    /// <summary>
    /// Users (roles, lock), client ids, hosts, hub-p's subscriptions (what an admin can change) and its deliveries
    /// with their attempts, once no delivery is pending (a test send or a replay is delivered in the background).
    /// </summary>
    private string AdminState(string identityBearer, string adminBearer)
    {
        Assert.True(SpinWait.SpinUntil(
            () => StoreInspector.Count(fixture.System.DataDirectory, "notification.db", "status = 'pending'", "deliveries") == 0, NotificationClient.Patience),
            "a delivery stayed pending");
        var users = _probe.Get("api/v1/identity/users", identityBearer).Body;
        var clients = string.Join(",", JsonNode.Parse(_probe.Get("api/v1/identity/clients", identityBearer).Body)!["items"]!.AsArray()
            .Select(c => c!["clientId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var hosts = _probe.Get("api/v1/hosts", adminBearer).Body;
        var subscriptions = string.Join(",", JsonNode.Parse(_probe.Get("api/v1/hosts/hub-p/subscriptions", adminBearer).Body)!["items"]!.AsArray()
            .Select(s => $"{s!["id"]} {s["url"]} {s["events"]!.ToJsonString()} {s["modelPatterns"]!.ToJsonString()} {s["enabled"]} {s["previousSecretExpiresAt"]}"));
        var deliveries = JsonNode.Parse(_probe.Get("api/v1/hosts/hub-p/deliveries?limit=200", adminBearer).Body)!["items"]!.AsArray()
            .Sum(d => d!["attempts"]!.AsArray().Count);
        var deliveryRows = StoreInspector.Count(fixture.System.DataDirectory, "notification.db", table: "deliveries");
        return $"{users}\n{clients}\n{hosts}\n{subscriptions}\n{deliveryRows} deliveries, {deliveries} attempts";
    }

    public void Dispose() => _probe.Dispose();
}
