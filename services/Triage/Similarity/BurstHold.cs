namespace SafetyReports.Triage.Similarity;

/// <summary>
/// A burst's reports are held out of the public figures until a maintainer confirms the burst: a brigade cannot move a
/// host's figures by itself. Each hold and each confirmation is a change of the report with its own audit entry, so the
/// figures recomputed from the audit chain hold and count the same reports (<see cref="AuditReplay"/>).
/// </summary>
public static class BurstHold
{
    public const string HeldAction = "held_as_burst";
    public const string ConfirmedAction = "burst_confirmed";

    /// <summary>The members to hold: in a burst, not held yet, and not in a burst a maintainer already confirmed.</summary>
    public static IReadOnlyList<Report> ToHold(ReportCluster cluster) =>
        cluster.Burst ? [.. cluster.Members.Where(m => m.HeldAt is null && m.BurstConfirmedAt is null)] : [];

    /// <summary>The members a confirmation counts again: those held.</summary>
    public static IReadOnlyList<Report> ToConfirm(ReportCluster cluster) => [.. cluster.Members.Where(m => m.HeldAt is not null)];

    /// <summary>Holds the report (null when it is held or was confirmed already: nothing to do).</summary>
    public static (Report Report, AuditDraft Audit)? Hold(Report report, ReportCluster cluster, DateTimeOffset now) =>
        report.HeldAt is not null || report.BurstConfirmedAt is not null
            ? null
            : (report with { HeldAt = now, Version = report.Version + 1, UpdatedAt = now },
                new AuditDraft(report.Id, now, SystemMoves.SystemActor, HeldAction,
                    JsonSerializer.Serialize(new { version = report.Version + 1, clusterSize = cluster.Size, distinctClients = cluster.DistinctClients })));

    /// <summary>Counts the report again (null when it is not held).</summary>
    public static (Report Report, AuditDraft Audit)? Confirm(Report report, string actor, DateTimeOffset now) =>
        report.HeldAt is null
            ? null
            : (report with { HeldAt = null, BurstConfirmedAt = now, Version = report.Version + 1, UpdatedAt = now },
                new AuditDraft(report.Id, now, actor, ConfirmedAction, JsonSerializer.Serialize(new { version = report.Version + 1, heldAt = report.HeldAt })));
}

/// <summary>What a confirmation did to one held member: <c>counted</c>, or <c>conflict</c> when it kept changing.</summary>
public sealed record BurstConfirmResult(Guid Id, string Outcome);
