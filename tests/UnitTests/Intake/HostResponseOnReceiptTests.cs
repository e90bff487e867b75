using SafetyReports.Contracts;
using SafetyReports.Intake.Domain;

namespace SafetyReports.UnitTests.Intake;

public class HostResponseOnReceiptTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static HostResponded Responded(int revision, string action = HostResponseActions.Removed) => new(
        Guid.NewGuid(), "hub-a", revision, action, "The model repository", T0.AddDays(30), "Breach of our policy §3", true,
        "Internal: removed by the trust team", T0.AddHours(revision),
        DecisionGrounds.IncompatibleWithTerms, null, "Terms §3.1", ["DE", "FR"], true, true, "Write to appeals@hub-a.example");

    [Fact]
    public void The_receipt_keeps_every_field_of_the_statement_but_the_hosts_note()
    {
        var message = Responded(2);

        var response = ReceiptHostResponse.From(message);

        Assert.Equal(
            new object?[] { "hub-a", 2, "removed", "The model repository", T0.AddDays(30), "Breach of our policy §3", "incompatible_with_terms", null, "Terms §3.1",
                true, true, true, "Write to appeals@hub-a.example", T0.AddHours(2) },
            new object?[] { response.HostId, response.Revision, response.Action, response.Scope, response.Until, response.Grounds, response.DecisionGround,
                response.LegalGround, response.TermsReference, response.AutomatedDetection, response.AutomatedDecision, response.Automated, response.Redress,
                response.RespondedAt });
        Assert.Equal(["DE", "FR"], response.TerritorialScope!);
        Assert.DoesNotContain(typeof(ReceiptHostResponse).GetProperties(), p => p.Name.Contains("Note", StringComparison.Ordinal));
    }

    [Fact]
    public void A_response_from_before_the_statement_fields_has_none_of_them()
    {
        var old = new HostResponded(Guid.NewGuid(), "hub-a", 1, HostResponseActions.NoAction, null, null, "Not a breach", false, null, T0);

        var response = ReceiptHostResponse.From(old);

        Assert.Null(response.DecisionGround);
        Assert.Null(response.TerritorialScope);
        Assert.Null(response.AutomatedDecision);
        Assert.False(response.Automated);
    }

    [Fact]
    public void The_first_response_and_every_later_revision_are_kept()
    {
        var first = ReceiptHostResponse.From(Responded(1));
        var second = ReceiptHostResponse.From(Responded(2));

        Assert.Same(first, ReceiptHostResponse.Apply(null, first));
        Assert.Same(second, ReceiptHostResponse.Apply(first, second));
    }

    [Fact]
    public void A_repeated_or_older_revision_changes_nothing()
    {
        var second = ReceiptHostResponse.From(Responded(2));

        Assert.Null(ReceiptHostResponse.Apply(second, ReceiptHostResponse.From(Responded(2, HostResponseActions.Disputed))));
        Assert.Null(ReceiptHostResponse.Apply(second, ReceiptHostResponse.From(Responded(1))));
    }
}
