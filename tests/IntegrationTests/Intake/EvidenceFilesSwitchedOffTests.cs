using System.Net;
using SafetyReports.Intake.Storage;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>An operator who switches evidence files off (<c>SafetyReports:Intake:EvidenceFiles:Enabled=false</c>): no file is taken.</summary>
public sealed class EvidenceFilesSwitchedOffTests
{
    [Fact]
    public async Task Files_are_refused_with_a_415_and_the_form_has_no_file_input()
    {
        await using var system = await StandaloneSystem.StartAsync(new Dictionary<string, string> { ["SafetyReports:Intake:EvidenceFiles:Enabled"] = "false" });
        long Stored() => StoreInspector.Count(system.DataDirectory, SubmissionStoreFactory.SqliteFileName);
        var before = Stored();

        using var content = EvidenceFixtures.Multipart(SystemUnderTest.Report("hub-a", "org/model", "With a file"), ("chat.jsonl", EvidenceFixtures.ChatLog()));
        using var response = await system.Api.Http.PostAsync(system.Url + "/api/v1/reports", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("does not accept evidence files", (await SystemUnderTest.JsonAsync(response))["detail"]!.GetValue<string>());
        Assert.Equal(before, Stored());
        var form = await system.Api.Http.GetStringAsync(system.Url + "/", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("type=\"file\"", form);
    }
}
