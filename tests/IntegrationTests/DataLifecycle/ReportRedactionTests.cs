using System.Net;
using System.Text;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.DataLifecycle;

public class ReportRedactionTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private StandaloneSystem Sut => fixture.System;

    [Fact]
    public async Task An_admin_redacts_contact_details_typed_into_a_report_from_its_text_search_and_files_and_the_chain_records_only_that()
    {
        // A word nothing else in the system holds, so the search and the byte scan can only find this report's copy.
        var word = $"zebulon{Guid.NewGuid():N}";
        var typed = $"{word}@example.org";
        var (id, _) = await Sut.Api.SubmitAsync(new
        {
            model = new { host = "hub-r", id = "org/redact", revision = (string?)null, url = (string?)null },
            category = "privacy",
            severity = "high",
            title = "The model leaks addresses",
            description = $"It gave out addresses. Write to me at {typed} for the transcript.",
            evidence = new[] { new { kind = "prompt", content = $"I am {typed}; where does my neighbour live?" }, new { kind = "output", content = "She lives at …" } },
            reporter = new { name = (string?)null, email = (string?)null },
            contactAllowed = false,
            goodFaith = true,
        });
        var report = await Sut.Api.TriageReportAsync(id);
        var version = report["version"]!.GetValue<long>();
        Assert.Equal([id], await SearchAsync(word));
        var path = $"/api/v1/triage/reports/{id}/redactions";

        using (var triager = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, path, TestClients.Triager, new { text = typed, expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, triager.StatusCode);
        }

        using (var stale = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, path, LifecycleFixture.Exporter, new { text = typed, expectedVersion = version - 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var absent = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, path, LifecycleFixture.Exporter, new { text = "not in it", expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, absent.StatusCode);
        }

        using (var redacted = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, path, LifecycleFixture.Exporter, new { text = typed, expectedVersion = version }))
        {
            Assert.Equal(HttpStatusCode.OK, redacted.StatusCode);
            var view = await SystemUnderTest.JsonAsync(redacted);
            Assert.Equal(version + 1, view["version"]!.GetValue<long>());
            Assert.Equal("It gave out addresses. Write to me at [redacted] for the transcript.", view["description"]!.GetValue<string>());
            Assert.Equal(["I am [redacted]; where does my neighbour live?", "She lives at …"], view["evidence"]!.AsArray().Select(e => e!["content"]!.GetValue<string>()));
            Assert.Equal("The model leaks addresses", view["title"]!.GetValue<string>());
        }

        Assert.Empty(await SearchAsync(word));
        Assert.Equal([id], await SearchAsync("transcript neighbour"));

        using var audit = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, $"/api/v1/triage/reports/{id}/audit", TestClients.Triager);
        var entries = (await SystemUnderTest.JsonAsync(audit)).AsArray();
        var entry = Assert.Single(entries, e => e!["action"]!.GetValue<string>() == "redacted")!;
        Assert.Contains(LifecycleFixture.Exporter.ClientId, entry["actor"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"fields":["description","evidence/0"],"whole":false,"occurrences":2,"version":""" + (version + 1) + "}", entry["data"]!.GetValue<string>());
        Assert.DoesNotContain(entries, e => e!.ToJsonString().Contains(word, StringComparison.Ordinal));
        using var verify = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, "/api/v1/triage/audit/verify", TestClients.Triager);
        Assert.True((await SystemUnderTest.JsonAsync(verify))["valid"]!.GetValue<bool>());

        // No copy is left in Triage's files: its database (free space included) and its WAL. (Intake dropped its copy
        // when Triage confirmed the report, but old pages of its WAL can still hold it: docs/triage.md, Redaction.)
        var triageFiles = FilesHolding(word).Where(f => f.StartsWith("triage.db", StringComparison.Ordinal)).ToList();
        Assert.True(triageFiles.Count == 0, string.Join(", ", triageFiles));
    }

    private async Task<List<Guid>> SearchAsync(string words)
    {
        using var response = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, $"/api/v1/triage/reports?q={Uri.EscapeDataString(words)}", TestClients.Triager);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await SystemUnderTest.JsonAsync(response))["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>())];
    }

    private List<string> FilesHolding(string word)
    {
        var needle = Encoding.UTF8.GetBytes(word);
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Sut.DataDirectory, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(needle) >= 0)
            {
                found.Add(Path.GetRelativePath(Sut.DataDirectory, path));
            }
        }

        return found;
    }
}
