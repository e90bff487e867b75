using System.Security.Claims;
using SafetyReports.Triage.Api;

namespace SafetyReports.UnitTests.Triage;

public class ActorNameTests
{
    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));

    [Fact]
    public void The_name_claim_wins_then_sub_then_client_id()
    {
        Assert.Equal("ana@example.org", ActorName.Of(User(("client_id", "portal"), ("sub", "42"), ("name", "ana@example.org"))));
        Assert.Equal("42", ActorName.Of(User(("client_id", "portal"), ("sub", "42"))));
        Assert.Equal("portal", ActorName.Of(User(("client_id", "portal"))));
        Assert.Equal("portal", ActorName.Of(User(("name", "  "), ("client_id", "portal"))));
        Assert.Equal(ActorName.Unknown, ActorName.Of(User()));
    }

    [Fact]
    public void Mapped_claim_types_count_as_name_and_sub()
    {
        Assert.Equal("bo", ActorName.Of(User((ClaimTypes.Name, "bo"), ("sub", "7"))));
        Assert.Equal("7", ActorName.Of(User((ClaimTypes.NameIdentifier, "7"), ("client_id", "portal"))));
    }
}
