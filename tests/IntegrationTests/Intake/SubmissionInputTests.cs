using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Intake;

/// <summary>Bad submissions get a problem answer and leave nothing behind.</summary>
public class SubmissionInputTests(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private StandaloneSystem Sut => fixture.System;

    private long StoredSubmissions => StoreInspector.Count(Sut.DataDirectory, "intake.db");

    private async Task<(HttpStatusCode Status, string? ContentType, JsonNode? Body)> PostRawAsync(string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await Sut.Api.Http.PostAsync(Sut.Url + "/api/v1/reports", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static JsonObject ValidReport() => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
        SystemUnderTest.Report("hub-a", "org/model", "A valid title")))!.AsObject();

    public static TheoryData<string, string> InvalidBodies() => new()
    {
        { "{\"model\": ", "" },
        { "[1,2,3]", "" },
        { "\"just a string\"", "" },
        { "{\"title\": 12}", "" },
        { "{}", "title" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Malformed_or_incomplete_json_is_a_400_problem(string body, string expectedField)
    {
        var before = StoredSubmissions;
        var (status, contentType, problem) = await PostRawAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(400, problem!["status"]!.GetValue<int>());
        if (expectedField.Length > 0)
        {
            Assert.NotNull(problem["errors"]![expectedField]);
        }

        Assert.Equal(before, StoredSubmissions);
    }

    public static TheoryData<string, string> InvalidFields() => new()
    {
        { "category", "not-a-category" },
        { "title", new string('x', 201) },
        { "description", "" },
        { "goodFaith", "false" },
        { "model.id", "" },
        { "severity", "catastrophic" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Each_invalid_field_is_named_and_nothing_is_stored(string field, string value)
    {
        var report = ValidReport();
        switch (field)
        {
            case "goodFaith":
                report["goodFaith"] = false;
                break;
            case "model.id":
                report["model"]!["id"] = value;
                break;
            default:
                report[field] = value;
                break;
        }

        var before = StoredSubmissions;
        var (status, _, problem) = await PostRawAsync(report.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![field]);
        Assert.Equal(before, StoredSubmissions);
    }

    [Fact]
    public async Task Missing_fields_are_all_reported_at_once()
    {
        var (status, _, problem) = await PostRawAsync("{\"goodFaith\": true}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("model") && errors.ContainsKey("category") && errors.ContainsKey("title") && errors.ContainsKey("description"));
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_a_413_problem()
    {
        var report = ValidReport();
        report["description"] = new string('d', 300 * 1024);
        var before = StoredSubmissions;
        var (status, contentType, _) = await PostRawAsync(report.ToJsonString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(before, StoredSubmissions);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_json_is_a_415_problem(string contentType)
    {
        var before = StoredSubmissions;
        var (status, problemType, _) = await PostRawAsync(ValidReport().ToJsonString(), contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("application/problem+json", problemType);
        Assert.Equal(before, StoredSubmissions);
    }

    [Fact]
    public async Task A_valid_report_is_stored_before_202_and_its_token_only_as_a_hash()
    {
        var before = StoredSubmissions;
        var (id, token) = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/model", "Stored first"));
        Assert.Equal(before + 1, StoredSubmissions);
        Assert.Equal(1, StoreInspector.Count(Sut.DataDirectory, "intake.db", $"id = '{id}' AND token_hash = '{SafetyReports.ServiceDefaults.Security.SecretHasher.Hash(token)}'"));
        foreach (var file in Directory.EnumerateFiles(Sut.DataDirectory, "intake.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            Assert.DoesNotContain(token, await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task The_status_endpoint_answers_404_alike_for_a_wrong_token_and_an_unknown_id()
    {
        var (id, token) = await Sut.Api.SubmitAsync(SystemUnderTest.Report("hub-a", "org/model", "Status check"));

        async Task<HttpStatusCode> StatusAsync(Guid reportId, string? reportToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{Sut.Url}/api/v1/reports/{reportId}/status");
            if (reportToken is not null)
            {
                request.Headers.Add("X-Report-Token", reportToken);
            }

            using var response = await Sut.Api.Http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(id, token));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(id, token + "x"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(id, null));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(Guid.NewGuid(), token));
    }

    [Fact]
    public async Task The_taxonomy_lists_every_category_with_labels()
    {
        using var response = await Sut.Api.Http.GetAsync(Sut.Url + "/api/v1/taxonomy", TestContext.Current.CancellationToken);
        var categories = (await SystemUnderTest.JsonAsync(response)).AsArray();
        Assert.Equal(15, categories.Count);
        Assert.Contains(categories, c => c!["code"]!.GetValue<string>() == "child-sexual-exploitation" && c["aiLuminateCode"]!.GetValue<string>() == "cse");
        Assert.All(categories, c => Assert.False(string.IsNullOrWhiteSpace(c!["label"]!.GetValue<string>())));
    }
}
