using SafetyReports.Portal.Clients;
using SafetyReports.Portal.Reports;

namespace SafetyReports.UnitTests.Portal;

public class ReportActionsTests
{
    private static ReportDetail Report(string? assignee = null, string? severity = null, params string[] allowed) =>
        new() { Id = Guid.NewGuid(), Status = "received", Version = 3, Assignee = assignee, Severity = severity, AllowedTransitions = allowed };

    [Fact]
    public void Transition_forms_come_only_from_allowed_transitions_in_their_order()
    {
        var actions = ReportActions.For(Report(null, null, "triaging", "rejected", "duplicate"), "me@example.org");
        Assert.Equal(["triaging", "rejected", "duplicate"], actions.Transitions.Select(t => t.To));
    }

    [Fact]
    public void Unknown_or_repeated_statuses_from_the_api_are_not_offered()
    {
        var actions = ReportActions.For(Report(null, null, "triaging", "exploded", "triaging"), "me@example.org");
        Assert.Equal(["triaging"], actions.Transitions.Select(t => t.To));
    }

    [Fact]
    public void No_allowed_transitions_means_no_transition_forms() =>
        Assert.Empty(ReportActions.For(Report(), "me@example.org").Transitions);

    [Fact]
    public void Claim_is_offered_unless_the_user_holds_the_report()
    {
        Assert.True(ReportActions.For(Report(assignee: null), "me@example.org").CanClaim);
        Assert.True(ReportActions.For(Report(assignee: "other@example.org"), "me@example.org").CanClaim);
        Assert.False(ReportActions.For(Report(assignee: "Me@Example.org"), "me@example.org").CanClaim);
        Assert.False(ReportActions.For(Report(), null).CanClaim);
    }

    [Fact]
    public void Unassign_is_offered_only_for_an_assigned_report()
    {
        Assert.False(ReportActions.For(Report(assignee: null), "me@example.org").CanUnassign);
        Assert.True(ReportActions.For(Report(assignee: "other@example.org"), "me@example.org").CanUnassign);
    }

    [Theory]
    [InlineData("resolved", true, false)]
    [InlineData("rejected", true, false)]
    [InlineData("needs_info", true, false)]
    [InlineData("duplicate", false, true)]
    [InlineData("triaging", false, false)]
    public void Each_transition_asks_for_what_it_needs(string to, bool reason, bool duplicateOf)
    {
        var form = ReportActions.FormFor(to, "high");
        Assert.Equal(reason, form.ReasonRequired);
        Assert.Equal(duplicateOf, form.DuplicateOfRequired);
    }

    [Fact]
    public void Triaging_needs_a_severity_only_when_the_report_has_none()
    {
        Assert.True(ReportActions.FormFor("triaged", null).SeverityRequired);
        Assert.False(ReportActions.FormFor("triaged", "low").SeverityRequired);
    }

    [Fact]
    public void Rejecting_without_a_reason_is_refused_before_the_api()
    {
        var actions = ReportActions.For(Report(null, null, "rejected"), "me@example.org");
        var errors = ReportActions.Validate(actions, new TransitionInput("rejected", null, "  ", null, null));
        Assert.Equal("Error_ReasonRequired", errors["publicNote"]);
        Assert.Empty(ReportActions.Validate(actions, new TransitionInput("rejected", null, "spam", null, null)));
    }

    [Fact]
    public void A_duplicate_needs_the_id_of_its_original()
    {
        var actions = ReportActions.For(Report(null, null, "duplicate"), "me@example.org");
        Assert.Contains("duplicateOf", ReportActions.Validate(actions, new TransitionInput("duplicate", null, null, "not-an-id", null)).Keys);
        Assert.Empty(ReportActions.Validate(actions, new TransitionInput("duplicate", null, null, Guid.NewGuid().ToString(), null)));
    }

    [Fact]
    public void An_original_that_is_no_id_is_refused_with_any_move()
    {
        var actions = ReportActions.For(Report(null, null, "rejected"), "me@example.org");
        Assert.Equal("Error_DuplicateOfRequired", ReportActions.Validate(actions, new TransitionInput("rejected", null, "spam", "%", null))["duplicateOf"]);
        Assert.Empty(ReportActions.Validate(actions, new TransitionInput("rejected", null, "spam", null, null)));
    }

    [Fact]
    public void A_transition_the_report_does_not_offer_is_refused()
    {
        var actions = ReportActions.For(Report(null, null, "triaging"), "me@example.org");
        Assert.Equal("Error_TransitionNotOffered", ReportActions.Validate(actions, new TransitionInput("resolved", null, "done", null, null))["to"]);
    }

    [Fact]
    public void Triaging_a_report_without_severity_needs_a_known_one()
    {
        var actions = ReportActions.For(Report(null, null, "triaged"), "me@example.org");
        Assert.Contains("severity", ReportActions.Validate(actions, new TransitionInput("triaged", null, null, null, null)).Keys);
        Assert.Contains("severity", ReportActions.Validate(actions, new TransitionInput("triaged", null, null, null, "huge")).Keys);
        Assert.Empty(ReportActions.Validate(actions, new TransitionInput("triaged", null, null, null, "high")));
    }
}
