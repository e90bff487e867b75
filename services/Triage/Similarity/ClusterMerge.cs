namespace SafetyReports.Triage.Similarity;

/// <summary>Merging a cluster: every other member becomes a duplicate of the report it is merged into, each through the workflow's own rule.</summary>
public sealed record ClusterMergeRequest(string? Note);

/// <summary>What happened to one member: <see cref="ClusterMerge.Merged"/>, <see cref="ClusterMerge.AlreadyMerged"/> or <see cref="ClusterMerge.Conflict"/>.</summary>
public sealed record ClusterMergeResult(Guid Id, string Outcome);

public static class ClusterMerge
{
    public const string Merged = "duplicate";
    public const string AlreadyMerged = "unchanged";
    public const string Conflict = "conflict";
    public const string NotFound = "not_found";

    /// <summary>The note is optional; when given it is an internal note on each merged report.</summary>
    public static Dictionary<string, string[]> Validate(ClusterMergeRequest request) =>
        request.Note is not null && InternalNote.Validate(request.Note) is { } problem
            ? new Dictionary<string, string[]> { ["note"] = [problem] }
            : [];

    /// <summary>The members other than <paramref name="into"/> that are not already its duplicates, oldest first.</summary>
    public static IReadOnlyList<Report> ToMerge(ReportCluster cluster, Guid into) =>
        [.. cluster.Members.Where(m => m.Id != into && !IsMerged(m, into))];

    public static bool IsMerged(Report member, Guid into) => member.Status == ReportStatuses.Duplicate && member.DuplicateOf == into;

    /// <summary>The move for one member: to <c>duplicate</c> of <paramref name="into"/>, at the version it is at now.</summary>
    public static TransitionRequest Transition(Report member, Guid into, string? note) =>
        new(ReportStatuses.Duplicate, null, null, into, note, null, member.Version);

    /// <summary>Anything but an applied move of an existing report is a conflict (a closed report, or one changed meanwhile).</summary>
    public static string OutcomeOf(WorkflowOutcomeKind kind) => kind switch
    {
        WorkflowOutcomeKind.Applied => Merged,
        WorkflowOutcomeKind.NotFound => NotFound,
        _ => Conflict,
    };
}
