using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace SafetyReports.IntegrationTests.Browser;

/// <summary>
/// Near-duplicates in the portal, with JavaScript off (plain forms): the queue tags a report's cluster, the report page lists
/// its cluster and similar earlier reports, and one button merges the cluster as duplicates of the report.
/// </summary>
[Trait("Speed", "Slow")]
public sealed class PortalClusterTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_maintainer_sees_a_cluster_in_the_queue_and_merges_it_from_the_report_page()
    {
        var word = $"wombat{Guid.NewGuid():N}"[..20];
        var model = $"org/{word}";
        string Text(int i) => $"Asked about {word}, the model writes a long hateful rant about a religious group, naming its members, "
            + $"inventing crimes they never committed and calling for them to be driven out of town. Seen again, time {i}.";
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await portal.SubmitAsync($"Hateful rant {word}", Text(i), model: model));
        }

        await using var tab = await portal.SignedInAsync(PortalFixture.AdminEmail, PortalFixture.AdminPassword, javaScript: false);
        var page = tab.Page;

        await page.GotoAsync($"/portal?modelId={Uri.EscapeDataString(model)}");
        foreach (var id in ids)
        {
            await Expect(page.Locator($"#cluster-{id}")).ToContainTextAsync("3 similar reports");
        }

        await page.GotoAsync($"/portal/reports/{ids[^1]}");
        await Expect(page.Locator("#cluster-summary")).ToContainTextAsync("3 similar reports");
        await Expect(page.Locator("#cluster-table tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#similar-earlier li")).ToHaveCountAsync(2);

        await page.GotoAsync($"/portal/reports/{ids[0]}");
        await page.FillAsync("#merge-cluster-note", "one wave");
        await page.ClickAsync("#merge-cluster");
        await Expect(page).ToHaveURLAsync(new Regex("done=cluster_merged"));
        await Expect(page.Locator("#cluster-table .status-duplicate")).ToHaveCountAsync(2);
        foreach (var id in ids.Skip(1))
        {
            var stored = await portal.System.Api.TriageReportAsync(id);
            Assert.Equal(("duplicate", ids[0].ToString()), (stored["status"]!.GetValue<string>(), stored["duplicateOf"]!.GetValue<string>()));
        }
    }
}
