using SafetyReports.Portal.Clients;

namespace SafetyReports.UnitTests.Portal;

public class ApiPathTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void An_id_no_path_can_carry_has_no_segment(string? id) => Assert.Null(ApiPath.Segment(id));

    [Theory]
    [InlineData("8f2c1d2e-0000-4000-8000-000000000001", "8f2c1d2e-0000-4000-8000-000000000001")]
    [InlineData("a/../b", "a%2F..%2Fb")]
    [InlineData("...", "...")]
    [InlineData(" ", "%20")]
    [InlineData("client?x=1#y", "client%3Fx%3D1%23y")]
    [InlineData("\u202Ehub", "%E2%80%AEhub")]
    public void Any_other_id_is_one_escaped_segment(string id, string segment) => Assert.Equal(segment, ApiPath.Segment(id));

    [Fact]
    public void The_answer_for_such_an_id_is_not_found()
    {
        var result = ApiPath.NotFound<NoContent>();

        Assert.False(result.IsOk);
        Assert.Equal(ApiOutcome.NotFound, result.Problem!.Outcome);
    }

    [Theory]
    [InlineData("hub-a", "", "/portal/admin/hosts/hub-a")]
    [InlineData("hub a/b", "/deliveries", "/portal/admin/hosts/hub%20a%2Fb/deliveries")]
    [InlineData(null, "/deliveries", "/portal/admin/hosts")]
    [InlineData("..", "", "/portal/admin/hosts")]
    public void A_host_page_for_a_route_id_falls_back_to_the_list_when_no_path_can_carry_it(string? hostId, string rest, string expected) =>
        Assert.Equal(expected, ApiPath.HostPage(hostId, rest));
}
