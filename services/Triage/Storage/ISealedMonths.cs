using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.Triage.Storage;

/// <summary>
/// The sealed months of the public figures and their errata (both Triage stores). Nothing here is ever changed or
/// removed: a month is sealed once, an erratum is recorded once per (month, host, figure, sequence).
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
}
