namespace SafetyReports.Contracts;

/// <summary>
/// Notification told a host other than the one a report names about it, because that host serves a copy of the model: it
/// acknowledges and responds on its own (<see cref="HostAcknowledged"/>, <see cref="HostResponded"/> carry its id).
/// Announced once, when the route to that host is made.
/// </summary>
/// <param name="Via">How the copy was found: <c>digest</c> (a file digest the report and the host's manifest share), <c>alias</c>
/// (the maintainers linked the models), <c>reupload</c> (a manifest published after the report) or <c>maintainers</c> (sent there by hand).</param>
/// <param name="SharedDigests">The digests the report and the host's model share; empty for an alias or by hand.</param>
public sealed record ReportReachedHost(
    Guid ReportId,
    string HostId,
    string ModelId,
    string Via,
    IReadOnlyList<string> SharedDigests,
    DateTimeOffset At);
