namespace SafetyReports.Notification.Domain;

/// <summary>
/// How a report reached a host: the host the report names, or a host serving the same model, found by a file digest the
/// report and the host's manifest share, by an alias the maintainers linked, by a manifest published after the report
/// (a re-upload), or because the maintainers sent it there.
/// </summary>
public static class RouteVia
{
    public const string Report = "report";
    public const string Digest = "digest";
    public const string Alias = "alias";
    public const string Reupload = "reupload";
    public const string Maintainers = "maintainers";

    public static IReadOnlyList<string> All { get; } = [Report, Digest, Alias, Reupload, Maintainers];
}

/// <summary>The key of a route: one per report and host, derived so every replica and every repeat computes the same.</summary>
public static class RouteIds
{
    public static Guid For(Guid reportId, string hostId) => DeterministicId.From($"{reportId:N}/route/{hostId}");
}
