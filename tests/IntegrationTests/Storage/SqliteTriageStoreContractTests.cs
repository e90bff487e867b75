using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;
using SafetyReports.Triage.Transparency;

namespace SafetyReports.IntegrationTests.Storage;

public sealed class SqliteTriageStoreContractTests : TriageStoreContractTests
{
    private readonly TempSqliteFile _file = new(TriageStoreFactory.SqliteFileName);

    protected override Task<ITriageStore> CreateStoreAsync() => Task.FromResult<ITriageStore>(new SqliteTriageStore(_file.Path));

    /// <summary>A second store instance on the same file, started with its own options.</summary>
    protected override Task<ITriageStore> OpenOtherReplicaAsync(SlaOptions? sla = null, TransparencyOptions? transparency = null) =>
        Task.FromResult<ITriageStore>(new SqliteTriageStore(_file.Path, sla, transparency));

    protected override ValueTask DisposeStoreAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}
