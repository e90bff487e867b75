using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.TransparencyLog;

/// <summary>
/// Signs a new checkpoint whenever the log has grown, looking every <see cref="TransparencyLogOptions.CheckpointInterval"/>.
/// The checkpoint has no time in it and Ed25519 is deterministic, so replicas signing the same size publish the same
/// bytes. A checkpoint is signed only for leaves this process has read from the store, so it never covers an unwritten one.
/// </summary>
public sealed class CheckpointSigner(AuditLogTree tree, LogKeys keys, TransparencyLogOptions options, TimeProvider clock, ILogger<CheckpointSigner> logger)
    : PollingLoop(clock, logger)
{
    private volatile SignedCheckpoint? _latest;

    protected override TimeSpan Interval => options.CheckpointInterval;

    /// <summary>The newest signed checkpoint, signing one first when there is none yet.</summary>
    public async Task<SignedCheckpoint> LatestAsync(CancellationToken cancellationToken) => _latest ?? await SignAsync(cancellationToken);

    /// <summary>Catches up with the store and signs the tree as it now is, unless the newest checkpoint already has that size.</summary>
    public async Task<SignedCheckpoint> SignAsync(CancellationToken cancellationToken)
    {
        var size = await tree.CatchUpAsync(cancellationToken);
        if (_latest is { } latest && latest.Checkpoint.Size >= size)
        {
            return latest;
        }

        var root = await tree.ReadAsync(size, t => t.RootHash(size), cancellationToken) ?? throw new InvalidOperationException("The tree shrank.");
        var checkpoint = new Checkpoint(options.Origin, size, root);
        var signed = new SignedCheckpoint(checkpoint, keys.Signer.Sign(checkpoint.Text()));
        _latest = signed;
        return signed;
    }

    protected override async Task<LoopStep> RunStepAsync(CancellationToken cancellationToken)
    {
        await SignAsync(cancellationToken);
        return LoopStep.Idle;
    }
}

public sealed record SignedCheckpoint(Checkpoint Checkpoint, string Note);
