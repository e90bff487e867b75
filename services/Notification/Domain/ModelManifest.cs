namespace SafetyReports.Notification.Domain;

/// <summary>A model as one host serves it: the host, the model's id there, and the SHA-256 digests of its files.</summary>
public sealed record ModelKey(string HostId, string ModelId)
{
    /// <summary>The key as one text (host ids are slugs without a slash, so the first slash ends the host).</summary>
    public override string ToString() => $"{HostId}/{ModelId}";
}

/// <summary>What a host said it serves as one model (<c>PUT /api/v1/host/models/{modelId}/files</c>); the latest replaces the one before.</summary>
/// <param name="Digests">The files' digests in their kept form (<see cref="FileDigests"/>), distinct, in the order given.</param>
public sealed record ModelManifest(string HostId, string ModelId, IReadOnlyList<string> Digests, DateTimeOffset PublishedAt)
{
    public ModelKey Key => new(HostId, ModelId);
}

/// <summary>One file of a served model found by its digest.</summary>
public sealed record ModelFileMatch(string HostId, string ModelId, string Digest);

/// <summary>A model linked by the maintainers to others as the same model on other hosts: the members of a group are aliases of one another.</summary>
public sealed record ModelAlias(string HostId, string ModelId, Guid GroupId, DateTimeOffset LinkedAt, string LinkedBy)
{
    public ModelKey Key => new(HostId, ModelId);
}
