using System.Globalization;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;
using SafetyReports.Triage.Transparency.Sealing;
using SafetyReports.UnitTests.Storage;

namespace SafetyReports.UnitTests.Triage.Transparency.Sealing;

public class SealingRulesTests
{
    [Theory]
    [InlineData("2026-03-07T23:59:59Z", 202601)]
    [InlineData("2026-03-08T00:00:00Z", 202602)]
    [InlineData("2026-03-31T12:00:00Z", 202602)]
    [InlineData("2026-01-08T00:00:00Z", 202512)]
    public void A_month_is_due_for_its_seal_once_SealAfter_has_passed_since_it_ended(string now, int lastDue)
    {
        Assert.Equal(lastDue, MonthSealer.LastDue(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), TimeSpan.FromDays(7)));
    }

    [Fact]
    public void With_no_wait_a_month_is_due_as_soon_as_it_ends()
    {
        Assert.Equal(202602, MonthSealer.LastDue(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.Zero));
    }

    [Theory]
    [InlineData(-1, 10, false)]
    [InlineData(0, 10, true)]
    [InlineData(7 * 24 * 60, 10, true)]
    [InlineData(60, 0, false)]
    public void SealAfter_may_be_zero_but_not_negative_and_the_check_interval_must_be_positive(int sealAfterMinutes, int intervalMinutes, bool valid)
    {
        var options = new TransparencyOptions { SealAfter = TimeSpan.FromMinutes(sealAfterMinutes), SealCheckInterval = TimeSpan.FromMinutes(intervalMinutes) };
        Assert.Equal(valid, options.IsValid());
    }

    [Fact]
    public void A_snapshot_reads_back_as_the_figures_it_was_written_from_without_the_seal_fields()
    {
        var tallies = new TransparencyTallies(new DateTimeOffset(2026, 4, 8, 0, 0, 0, TimeSpan.Zero));
        var cell = new CounterTally();
        cell.Add(new CounterKey(CounterKind.Reports, 0).Encode(), 7);
        cell.Add(new CounterKey(CounterKind.Triaged, 0).Encode(), 6);
        cell.Add(CounterKey.Status("received").Encode(), 1);
        cell.Add(CounterKey.Status("host_notified").Encode(), 6);
        tallies.Add("hub", null, 202603, cell);
        var figures = TransparencyFiguresBuilder.Build(tallies, new TransparencyPeriod(202603, 202603), new TransparencyOptions(), new AuditPoint(4, "ab"))
            with { SealedAt = DateTimeOffset.UnixEpoch, Errata = [] };

        var json = SealedFigures.Write(figures);
        var read = SealedFigures.Read(new SealedMonth(202603, DateTimeOffset.UnixEpoch, json));

        Assert.Equal(FigureValues.Of(figures), FigureValues.Of(read));
        Assert.Equal((figures.AsOf, figures.Audit, (DateTimeOffset?)null, (IReadOnlyList<ErratumView>?)null), (read.AsOf, read.Audit, read.SealedAt, read.Errata));
        Assert.Equal(json, SealedFigures.Write(read));
        Assert.Equal(FigureValues.Withheld, FigureValues.Of(read)[new FigureKey("hub", "byStatus.received")]);
    }

    [Fact]
    public void Mongo_errata_are_keyed_by_month_host_figure_and_sequence_and_read_back_as_written()
    {
        var erratum = new TransparencyErratum(202603, null, "held", 2, "0", FigureValues.Withheld, new DateTimeOffset(2026, 4, 20, 0, 0, 0, TimeSpan.Zero));
        var document = MongoSealedMonths.Document(erratum);

        Assert.Equal("{ \"month\" : 202603, \"host\" : \"\", \"figure\" : \"held\", \"seq\" : 2 }", document["_id"].ToString());
        Assert.Equal(erratum, MongoSealedMonths.Erratum(document));
    }

    [Fact]
    public void In_a_hosts_models_answer_each_value_is_keyed_by_the_model_and_a_models_erratum_names_host_and_model()
    {
        var tallies = new TransparencyTallies(new DateTimeOffset(2026, 4, 8, 0, 0, 0, TimeSpan.Zero));
        foreach (var model in new[] { "org/a", "org/b" })
        {
            var cell = new CounterTally();
            cell.Add(new CounterKey(CounterKind.Reports, 0).Encode(), 6);
            cell.Add(new CounterKey(CounterKind.Triaged, 0).Encode(), 6);
            tallies.Add("hub", model, 202603, cell);
        }

        var figures = TransparencyFiguresBuilder.Build(tallies, new TransparencyPeriod(202603, 202603), new TransparencyOptions(), null);
        var values = FigureValues.Of(figures);

        Assert.Equal(["org/a", "org/b"], figures.Groups.Select(g => g.Model));
        Assert.Equal("6", values[new FigureKey("org/b", "reports")]);
        Assert.DoesNotContain(values.Keys, k => k.Host == "hub");
        var erratum = new ModelErratum("hub", new TransparencyErratum(202603, "org/b", "reports", 1, "6", "7", DateTimeOffset.UnixEpoch));
        Assert.Equal(new ErratumView("2026-03", DateTimeOffset.UnixEpoch, "hub", "reports", "6", "7", Model: "org/b"), SealedFigures.View(erratum));
        Assert.Null(SealedFigures.View(erratum with { Erratum = erratum.Erratum with { Host = null, Figure = "held" } }).Model);
    }

    [Fact]
    public void Mongo_model_errata_are_keyed_by_month_host_model_figure_and_sequence_and_read_back_as_written()
    {
        var erratum = new ModelErratum("hub", new TransparencyErratum(202603, "org/a", "reports", 2, null, "6", new DateTimeOffset(2026, 4, 20, 0, 0, 0, TimeSpan.Zero)));
        var held = erratum with { Erratum = erratum.Erratum with { Host = null, Figure = "held" } };

        Assert.Equal("{ \"month\" : 202603, \"host\" : \"hub\", \"model\" : \"org/a\", \"figure\" : \"reports\", \"seq\" : 2 }",
            MongoSealedModels.Document(erratum)["_id"].ToString());
        Assert.Equal(erratum, MongoSealedModels.Erratum(MongoSealedModels.Document(erratum)));
        Assert.Equal(held, MongoSealedModels.Erratum(MongoSealedModels.Document(held)));
        Assert.Equal("{ \"month\" : { \"$gte\" : 202601, \"$lte\" : 202603 }, \"host\" : \"hub\" }",
            MongoRendering.Render(MongoSealedModels.Period(202601, 202603, "hub")).ToString());
    }
}
