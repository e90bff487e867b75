using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency.Sealing;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>Sealed months and their errata: written once, never changed, the first of two replicas' writes kept.</summary>
public abstract partial class TriageStoreContractTests
{
    private static readonly DateTimeOffset SealMoment = new(2026, 4, 8, 0, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_month_is_sealed_once_and_its_first_snapshot_stays()
    {
        var store = (ISealedMonths)await CreateStoreAsync();
        Assert.True(await store.SealMonthAsync(new SealedMonth(202603, SealMoment, "{\"first\":1}"), Ct));
        Assert.False(await store.SealMonthAsync(new SealedMonth(202603, SealMoment.AddMinutes(10), "{\"second\":2}"), Ct));
        Assert.True(await store.SealMonthAsync(new SealedMonth(202601, SealMoment.AddMonths(-2), "{}"), Ct));

        var sealedMonths = await store.ListSealedMonthsAsync(202602, 202612, Ct);
        Assert.Equal([new SealedMonth(202603, SealMoment, "{\"first\":1}")], sealedMonths);
        Assert.Equal([202601, 202603], (await store.ListSealedMonthsAsync(202501, 202603, Ct)).Select(m => m.Month));
    }

    [Fact]
    public async Task An_erratum_is_recorded_once_per_month_host_figure_and_sequence_and_listed_by_month_then_as_recorded()
    {
        var store = (ISealedMonths)await CreateStoreAsync();
        var first = new TransparencyErratum(202603, "hub", "reports", 1, "10", "11", SealMoment.AddDays(3));
        var held = new TransparencyErratum(202603, null, "held", 1, "0", FigureValues.Withheld, SealMoment.AddDays(3));
        var notListed = new TransparencyErratum(202603, "new-hub", "reports", 1, null, "6", SealMoment.AddDays(3));
        var second = new TransparencyErratum(202603, "hub", "reports", 2, "11", "12", SealMoment.AddDays(5));
        var february = new TransparencyErratum(202602, "hub", "open", 1, "5", "withheld", SealMoment.AddDays(9));

        Assert.Equal(3, await store.AddErrataAsync([first, held, notListed], Ct));
        // Another replica found the same change, and one that conflicts with it: the first recorded stays.
        Assert.Equal(2, await store.AddErrataAsync([first with { New = "13" }, second, february], Ct));
        Assert.Equal(0, await store.AddErrataAsync([second], Ct));

        var listed = await store.ListErrataAsync(202602, 202603, Ct);
        Assert.Equal([february, held, first, notListed, second], listed);
        Assert.Equal([february], await store.ListErrataAsync(202601, 202602, Ct));
        Assert.Empty(await store.ListErrataAsync(202604, 202612, Ct));
    }

    [Fact]
    public async Task A_hosts_models_are_sealed_once_per_month_and_listed_by_host_or_for_every_host()
    {
        var store = (ISealedMonths)await CreateStoreAsync();
        var hub = new SealedModels("hub", new SealedMonth(202603, SealMoment, "{\"first\":1}"));
        Assert.True(await store.SealModelsAsync(hub, Ct));
        Assert.False(await store.SealModelsAsync(hub with { Month = new SealedMonth(202603, SealMoment.AddMinutes(10), "{\"second\":2}") }, Ct));
        var other = new SealedModels("a host/with spaces", new SealedMonth(202603, SealMoment.AddMinutes(1), "{}"));
        var february = new SealedModels("hub", new SealedMonth(202602, SealMoment.AddMonths(-1), "{}"));
        Assert.True(await store.SealModelsAsync(other, Ct));
        Assert.True(await store.SealModelsAsync(february, Ct));

        Assert.Equal([february, other, hub], await store.ListSealedModelsAsync(202601, 202612, null, Ct));
        Assert.Equal([hub], await store.ListSealedModelsAsync(202603, 202603, "hub", Ct));
        Assert.Empty(await store.ListSealedModelsAsync(202604, 202612, "hub", Ct));
        // The hosts answer's seals are apart from the models'.
        Assert.Empty(await store.ListSealedMonthsAsync(202601, 202612, Ct));
    }

    [Fact]
    public async Task A_model_erratum_is_recorded_once_per_month_host_model_figure_and_sequence()
    {
        var store = (ISealedMonths)await CreateStoreAsync();
        var first = new ModelErratum("hub", new TransparencyErratum(202603, "org/model", "reports", 1, "10", "11", SealMoment.AddDays(3)));
        var held = new ModelErratum("hub", new TransparencyErratum(202603, null, "held", 1, "0", "7", SealMoment.AddDays(3)));
        var sameModelOtherHost = new ModelErratum("other", first.Erratum);
        var second = new ModelErratum("hub", first.Erratum with { Sequence = 2, Old = "11", New = "12", RecordedAt = SealMoment.AddDays(5) });

        Assert.Equal(3, await store.AddModelErrataAsync([first, held, sameModelOtherHost], Ct));
        Assert.Equal(1, await store.AddModelErrataAsync([first with { Erratum = first.Erratum with { New = "13" } }, second], Ct));

        Assert.Equal([held, first, second], await store.ListModelErrataAsync(202603, 202603, "hub", Ct));
        Assert.Equal([held, first, sameModelOtherHost, second], await store.ListModelErrataAsync(202601, 202612, null, Ct));
        Assert.Empty(await store.ListModelErrataAsync(202604, 202612, "hub", Ct));
        Assert.Empty(await store.ListErrataAsync(202601, 202612, Ct));
    }
}
