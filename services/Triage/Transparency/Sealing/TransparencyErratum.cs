namespace SafetyReports.Triage.Transparency.Sealing;

/// <summary>
/// A dated correction of one published value of a sealed month: <see cref="Old"/> was published (sealed, or set by the
/// erratum before), <see cref="New"/> is the value now. Values are as <see cref="FigureValues"/> writes them; null: the host
/// was not listed. <see cref="Sequence"/> counts the errata of the same figure (1, 2, …): two replicas finding the same
/// correction write the same key, and the store keeps one.
/// </summary>
public sealed record TransparencyErratum(int Month, string? Host, string Figure, int Sequence, string? Old, string? New, DateTimeOffset RecordedAt)
{
    public FigureKey Key => new(Host, Figure);
}
