using SafetyReports.Contracts;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.UnitTests.Triage.Transparency;

/// <summary>The contested share: responses the reporter contested, over responses, withheld like every other figure.</summary>
public class ContestedShareTests
{
    private static readonly DateTimeOffset Received = new(2026, 4, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Sla = TimeSpan.FromHours(72);

    private static TransparencyFacts Facts(string? action, bool contested) => new()
    {
        Host = "hub",
        Model = "org/m",
        Category = "hate",
        Status = ReportStatuses.Acknowledged,
        ReceivedAt = Received,
        TriagedAt = Received.AddHours(1),
        NotifiedAt = Received.AddHours(2),
        AcknowledgedAt = Received.AddHours(3),
        RespondedAt = action is null ? null : Received.AddHours(4),
        Action = action,
        Contested = contested,
    };

    private static GroupFigures Figures(int threshold, params (string? Action, bool Contested)[] reports)
    {
        var tallies = new TransparencyTallies(Received.AddDays(1));
        foreach (var (action, contested) in reports)
        {
            tallies.Add("hub", null, TransparencyContribution.For(Facts(action, contested), Sla));
        }

        return TransparencyCalculator.Compute("hub", null, tallies.Groups[("hub", null)], threshold);
    }

    private static (string? Action, bool Contested)[] Many(int count, string? action, bool contested) =>
        [.. Enumerable.Repeat((action, contested), count)];

    [Fact]
    public void A_contest_counts_once_per_report_and_only_with_a_response()
    {
        var contested = TransparencyContribution.For(Facts(HostResponseActions.Removed, contested: true), Sla);
        var unanswered = TransparencyContribution.For(Facts(null, contested: true), Sla);

        Assert.Single(contested.Keys, k => CounterKey.Decode(k).Kind == CounterKind.Contested);
        Assert.DoesNotContain(unanswered.Keys, k => CounterKey.Decode(k).Kind == CounterKind.Contested);
    }

    [Fact]
    public void The_share_is_contested_over_responded_when_both_are_shown()
    {
        var group = Figures(5, [.. Many(15, HostResponseActions.Removed, false), .. Many(5, HostResponseActions.NoAction, true), .. Many(3, null, false)]);

        Assert.Equal((20L, 5L, 0.25), (group.Responded!.Value, group.Contested!.Value, group.ContestedShare!.Value));
    }

    [Fact]
    public void No_contest_is_a_share_of_zero_and_no_response_is_no_share()
    {
        var none = Figures(5, Many(6, HostResponseActions.Removed, false));
        Assert.Equal((6L, 0L, 0.0), (none.Responded!.Value, none.Contested!.Value, none.ContestedShare!.Value));

        var unanswered = Figures(5, Many(6, null, false));
        Assert.Equal((0L, 0L, (double?)null), (unanswered.Responded!.Value, unanswered.Contested!.Value, unanswered.ContestedShare));
    }

    [Fact]
    public void A_withheld_count_withholds_the_share_too()
    {
        // Four contests of twenty responses: the share would give the withheld four away.
        var few = Figures(5, [.. Many(16, HostResponseActions.Removed, false), .. Many(4, HostResponseActions.Removed, true)]);
        Assert.Equal((20L, (long?)null, (double?)null), (few.Responded!.Value, few.Contested, few.ContestedShare));

        var small = Figures(5, Many(4, HostResponseActions.Removed, true));
        Assert.Equal(((long?)null, (long?)null, (double?)null), (small.Responded, small.Contested, small.ContestedShare));

        // For maintainers (threshold 1) nothing is withheld.
        var all = Figures(1, [.. Many(3, HostResponseActions.Removed, false), .. Many(1, HostResponseActions.Removed, true)]);
        Assert.Equal((4L, 1L, 0.25), (all.Responded!.Value, all.Contested!.Value, all.ContestedShare!.Value));
    }

    [Fact]
    public void The_csv_has_the_three_figures_after_the_earlier_columns_and_before_the_answers_own()
    {
        var group = Figures(1, [.. Many(2, HostResponseActions.Removed, false), .. Many(1, HostResponseActions.Removed, true)]);
        var figures = new TransparencyFigures(Received, "2026-04", "2026-04", 1, 3600, null, [group]);

        var lines = TransparencyCsv.Write(figures).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["open_90DaysOrMore", "responded", "contested", "contested_share", "held", "sealed_at", "errata"], lines[0].Split(',')[^7..]);
        Assert.Equal(["3", "1", "0.3333"], lines[1].Split(',')[^6..^3]);
    }
}
