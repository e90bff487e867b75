namespace SafetyReports.Notification.Storage;

/// <summary>
/// Model identity: what each host serves (manifests of file digests), the maintainers' aliases across hosts, and the digests of
/// the reports told to hosts, each looked up by digest through an index (never a scan), so a report finds every copy of its
/// model and a manifest every report on its files.
/// </summary>
public interface IModelStore
{
    /// <summary>
    /// In one transaction: replaces the manifest of (host, model) (an empty list of digests removes it), saves the plans (routes
    /// and deliveries, as <see cref="IRouteStore.SavePlanAsync"/>) and appends the events.
    /// </summary>
    Task SaveManifestAsync(ModelManifest manifest, IReadOnlyList<DeliveryPlan> plans, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);

    /// <summary>The manifest of (host, model); null when the host published none (or an empty one).</summary>
    Task<ModelManifest?> GetManifestAsync(string hostId, string modelId, CancellationToken cancellationToken);

    /// <summary>Every served file with one of the digests (an index seek per digest).</summary>
    Task<IReadOnlyList<ModelFileMatch>> FindFilesAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken);

    /// <summary>
    /// Links two models as aliases: their groups (if any) become one. Returns the group. Linking a model to itself, or two
    /// models already in one group, changes nothing.
    /// </summary>
    Task<Guid> LinkAliasAsync(ModelKey first, ModelKey second, DateTimeOffset at, string linkedBy, CancellationToken cancellationToken);

    /// <summary>Takes the model out of its alias group (a group left with one member is dissolved); false when it was in none.</summary>
    Task<bool> UnlinkAliasAsync(ModelKey model, CancellationToken cancellationToken);

    /// <summary>The model's alias group, itself included; empty when it is in none.</summary>
    Task<IReadOnlyList<ModelAlias>> GetAliasGroupAsync(ModelKey model, CancellationToken cancellationToken);

    /// <summary>Keeps the digests a report carries (replacing those kept before), for manifests published later.</summary>
    Task SaveReportDigestsAsync(Guid reportId, IReadOnlyList<string> digests, CancellationToken cancellationToken);

    /// <summary>The reports carrying one of the digests, with the digests each shares (an index seek per digest).</summary>
    Task<IReadOnlyList<ReportDigestMatch>> FindReportsAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken);
}

/// <summary>A report whose model shares <see cref="Digests"/> with a manifest.</summary>
public sealed record ReportDigestMatch(Guid ReportId, IReadOnlyList<string> Digests);
