namespace SafetyReports.Contracts;

/// <summary>Identifies an open model on the host that publishes or serves it.</summary>
/// <param name="FileDigests">The SHA-256 digests of the model's files (<see cref="FileDigests"/>: <c>sha256:</c> and 64 lower-case hex
/// digits, distinct), which find the same weights on other hosts; null or empty when none are known. Optional and last, so a message
/// from an older sender (without it) still reads.</param>
public sealed record ModelReference(string Host, string Id, string? Revision = null, string? Url = null, IReadOnlyList<string>? FileDigests = null)
{
    /// <summary>The digests, empty when none are known.</summary>
    public IReadOnlyList<string> Digests() => FileDigests ?? [];

    public bool Equals(ModelReference? other) =>
        other is not null && Host == other.Host && Id == other.Id && Revision == other.Revision && Url == other.Url
        && Digests().SequenceEqual(other.Digests());

    public override int GetHashCode() => HashCode.Combine(Host, Id, Revision, Url, Digests().Count);
}
