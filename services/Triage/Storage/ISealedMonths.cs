using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The sealed months of the public figures and their errata (both Triage stores): the hosts answer per month, and each
/// host's per-model answer per month. Nothing here is ever changed or removed: a month (or a host's models in a month) is
/// sealed once, an erratum is recorded once per (month, host, figure, sequence), or (month, host, model, figure, sequence).
/// </summary>
public interface ISealedMonths
{
    /// <summary>Stores the month's snapshot; false when it was already sealed (the first seal stays).</summary>
    Task<bool> SealMonthAsync(SealedMonth month, CancellationToken cancellationToken);

    /// <summary>The sealed months from <paramref name="from"/> to <paramref name="to"/> (yyyyMM, inclusive), in order.</summary>
    Task<IReadOnlyList<SealedMonth>> ListSealedMonthsAsync(int from, int to, CancellationToken cancellationToken);

    /// <summary>Records the errata whose key is not recorded yet; returns how many were.</summary>
    Task<int> AddErrataAsync(IReadOnlyList<TransparencyErratum> errata, CancellationToken cancellationToken);

    /// <summary>The errata of the months from <paramref name="from"/> to <paramref name="to"/>, by month, then as recorded.</summary>
    Task<IReadOnlyList<TransparencyErratum>> ListErrataAsync(int from, int to, CancellationToken cancellationToken);

    /// <summary>Stores the snapshot of one host's models in a month; false when they were already sealed (the first seal stays).</summary>
    Task<bool> SealModelsAsync(SealedModels models, CancellationToken cancellationToken);

    /// <summary>The sealed per-model answers of the months from <paramref name="from"/> to <paramref name="to"/>, of one host or (null) of every host, by month then host.</summary>
    Task<IReadOnlyList<SealedModels>> ListSealedModelsAsync(int from, int to, string? host, CancellationToken cancellationToken);

    /// <summary>Records the per-model errata whose key is not recorded yet; returns how many were.</summary>
    Task<int> AddModelErrataAsync(IReadOnlyList<ModelErratum> errata, CancellationToken cancellationToken);

    /// <summary>The per-model errata of the months from <paramref name="from"/> to <paramref name="to"/>, of one host or (null) of every host, by month, then as recorded.</summary>
    Task<IReadOnlyList<ModelErratum>> ListModelErrataAsync(int from, int to, string? host, CancellationToken cancellationToken);
}
