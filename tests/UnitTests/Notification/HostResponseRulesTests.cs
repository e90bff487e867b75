using SafetyReports.Notification.Domain;

namespace SafetyReports.UnitTests.Notification;

public class HostResponseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly HostResponse Removed = new("removed", "the repository", null, "ToS §4", false, null);

    private static ReportRoute Route(DateTimeOffset? acknowledgedAt = null) =>
        new(Guid.NewGuid(), "hub", "org/model", Now.AddDays(-1), acknowledgedAt, acknowledgedAt is null ? null : "seen");

    [Fact]
    public void A_first_response_is_revision_one_and_acknowledges_an_unacknowledged_report()
    {
        var route = Route();
        var decision = HostResponseRules.Apply(route, Removed, Now);

        Assert.True(decision.Changed);
        Assert.Equal(Removed, decision.Route.Response);
        Assert.Equal(1, decision.Route.ResponseRevision);
        Assert.Equal(Now, decision.Route.RespondedAt);
        Assert.Equal(Now, decision.Route.AcknowledgedAt);
        Assert.Equal(new SafetyReports.Contracts.HostAcknowledged(route.ReportId, "hub", null, Now), decision.Acknowledged);
        Assert.Equal(1, decision.Responded!.Revision);
        Assert.Equal("removed", decision.Responded.Action);
        Assert.Equal("the repository", decision.Responded.Scope);
        Assert.Equal("ToS §4", decision.Responded.Grounds);
    }

    [Fact]
    public void An_acknowledged_report_keeps_its_acknowledgement()
    {
        var route = Route(Now.AddHours(-1));
        var decision = HostResponseRules.Apply(route, Removed, Now);

        Assert.Null(decision.Acknowledged);
        Assert.Equal(Now.AddHours(-1), decision.Route.AcknowledgedAt);
        Assert.Equal("seen", decision.Route.AcknowledgementNote);
    }

    [Fact]
    public void The_same_response_again_changes_nothing()
    {
        var first = HostResponseRules.Apply(Route(), Removed, Now).Route;
        var again = HostResponseRules.Apply(first, Removed with { }, Now.AddMinutes(5));

        Assert.False(again.Changed);
        Assert.Same(first, again.Route);
        Assert.Null(again.Responded);
        Assert.Null(again.Acknowledged);
    }

    [Fact]
    public void A_different_response_is_the_next_revision_and_keeps_the_first_response_time()
    {
        var first = HostResponseRules.Apply(Route(), Removed, Now).Route;
        var restricted = Removed with { Action = "restricted", Until = Now.AddDays(30) };
        var second = HostResponseRules.Apply(first, restricted, Now.AddHours(2));

        Assert.True(second.Changed);
        Assert.Equal(2, second.Route.ResponseRevision);
        Assert.Equal(Now, second.Route.RespondedAt);
        Assert.Equal(Now.AddHours(2), second.Route.ResponseUpdatedAt);
        Assert.Equal(2, second.Responded!.Revision);
        Assert.Equal(Now.AddDays(30), second.Responded.Until);
        Assert.Null(second.Acknowledged);
    }

    [Fact]
    public void The_dsa_fields_are_published_and_a_resent_statement_with_the_same_countries_changes_nothing()
    {
        var full = Removed with
        {
            DecisionGround = "incompatible_with_terms", TermsReference = "ToS §4", TerritorialScope = ["AT", "DE"],
            AutomatedDetection = true, AutomatedDecision = false, Redress = "Appeal by mail",
        };
        var first = HostResponseRules.Apply(Route(), full, Now);

        var responded = first.Responded!;
        Assert.Equal(("incompatible_with_terms", "ToS §4", (string?)null), (responded.DecisionGround, responded.TermsReference, responded.LegalGround));
        Assert.Equal(["AT", "DE"], responded.TerritorialScope!);
        Assert.Equal((true, false, "Appeal by mail"), (responded.AutomatedDetection, responded.AutomatedDecision, responded.Redress));

        // A list read again from JSON is another instance: still the same statement.
        var again = HostResponseRules.Apply(first.Route, full with { TerritorialScope = new List<string> { "AT", "DE" } }, Now.AddHours(1));
        Assert.False(again.Changed);
        Assert.True(HostResponseRules.Apply(first.Route, full with { TerritorialScope = ["AT"] }, Now.AddHours(1)).Changed);
        Assert.True(HostResponseRules.Apply(first.Route, full with { TerritorialScope = null }, Now.AddHours(1)).Changed);
        Assert.True(HostResponseRules.Apply(first.Route, full with { Redress = null }, Now.AddHours(1)).Changed);
        Assert.Equal(full.GetHashCode(), (full with { TerritorialScope = new List<string> { "AT", "DE" } }).GetHashCode());
    }
}
