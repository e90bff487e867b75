using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.Triage.Storage;

public sealed partial class MongoTriageStore
{
    private MongoSealedMonths Sealed => new(Database);

    public async Task<bool> SealMonthAsync(SealedMonth month, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await Sealed.SealAsync(month, cancellationToken);
    }

    public async Task<IReadOnlyList<SealedMonth>> ListSealedMonthsAsync(int from, int to, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await Sealed.ListAsync(from, to, cancellationToken);
    }

    public async Task<int> AddErrataAsync(IReadOnlyList<TransparencyErratum> errata, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await Sealed.AddErrataAsync(errata, cancellationToken);
    }

    public async Task<IReadOnlyList<TransparencyErratum>> ListErrataAsync(int from, int to, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await Sealed.ListErrataAsync(from, to, cancellationToken);
    }
}
