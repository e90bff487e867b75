using SafetyReports.Portal.Clients;

namespace SafetyReports.UnitTests.Portal;

public class ProblemMapperTests
{
    [Fact]
    public void Field_errors_of_a_400_are_kept_by_field_name()
    {
        var problem = ProblemMapper.Map(400, """
            {"type":"x","title":"One or more fields are invalid.","status":400,
             "errors":{"password":["At least 12 characters."],"$.expectedVersion":["Required."],"Email":["Taken?","Really."]}}
            """);
        Assert.Equal(ApiOutcome.Invalid, problem.Outcome);
        Assert.Equal("At least 12 characters.", problem.ErrorFor("password"));
        Assert.Equal("Required.", problem.ErrorFor("expectedVersion"));
        Assert.Equal("Taken? Really.", problem.ErrorFor("email"));
    }

    [Theory]
    [InlineData(404, ApiOutcome.NotFound)]
    [InlineData(409, ApiOutcome.Conflict)]
    [InlineData(401, ApiOutcome.Unauthorized)]
    [InlineData(403, ApiOutcome.Forbidden)]
    [InlineData(500, ApiOutcome.Unavailable)]
    [InlineData(502, ApiOutcome.Unavailable)]
    public void Statuses_map_to_outcomes(int status, ApiOutcome outcome) => Assert.Equal(outcome, ProblemMapper.Map(status, null).Outcome);

    [Fact]
    public void The_detail_of_a_conflict_is_kept()
    {
        var problem = ProblemMapper.Map(409, """{"title":"Conflict","status":409,"detail":"The report changed since version 3."}""");
        Assert.Equal(ApiOutcome.Conflict, problem.Outcome);
        Assert.Equal("The report changed since version 3.", problem.Detail);
        Assert.Empty(problem.FieldErrors);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("[1,2]")]
    [InlineData("""{"errors":{"a":[1,null]}}""")]
    [InlineData("")]
    public void A_body_that_is_not_problem_details_still_maps_by_status(string body)
    {
        var problem = ProblemMapper.Map(400, body);
        Assert.Equal(ApiOutcome.Invalid, problem.Outcome);
        Assert.Empty(problem.FieldErrors);
    }
}
