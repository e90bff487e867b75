namespace SafetyReports.Triage.Transparency.Sealing;

/// <summary>
/// One host's per-model figures of a sealed month (<c>GET /api/v1/transparency/models?host=…</c>) as published when they
/// were sealed, never changed after. <see cref="SealedMonth.Figures"/> is the answer's JSON, as for the hosts answer.
/// </summary>
public sealed record SealedModels(string Host, SealedMonth Month);

/// <summary>
/// A correction of one host's per-model answer. The erratum's own <see cref="TransparencyErratum.Host"/> holds the model the
/// value belongs to (null: a figure of the whole answer, <c>held</c>), since within one host's answer the model is the row.
/// </summary>
public sealed record ModelErratum(string Host, TransparencyErratum Erratum);
