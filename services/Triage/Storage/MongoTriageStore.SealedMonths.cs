using SafetyReports.Triage.Transparency.Sealing;

namespace SafetyReports.Triage.Storage;

public sealed partial class MongoTriageStore
{
    private MongoSealedMonths Sealed => new(Database);

    private MongoSealedModels SealedModels => new(Database);

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

    public async Task<bool> SealModelsAsync(SealedModels models, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await SealedModels.SealAsync(models, cancellationToken);
    }

    public async Task<IReadOnlyList<SealedModels>> ListSealedModelsAsync(int from, int to, string? host, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await SealedModels.ListAsync(from, to, host, cancellationToken);
    }

    public async Task<int> AddModelErrataAsync(IReadOnlyList<ModelErratum> errata, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await SealedModels.AddErrataAsync(errata, cancellationToken);
    }

    public async Task<IReadOnlyList<ModelErratum>> ListModelErrataAsync(int from, int to, string? host, CancellationToken cancellationToken)
    {
        await EnsureSetUpAsync(cancellationToken);
        return await SealedModels.ListErrataAsync(from, to, host, cancellationToken);
    }
}
