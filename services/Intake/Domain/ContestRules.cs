namespace SafetyReports.Intake.Domain;

/// <summary>
/// A reporter may contest each revision of the host's response once, with a reason for the maintainers. The contest
/// then moves as the maintainers' events say (forwarded to the host, closed with a note); events may come late,
/// twice or out of order, and never move a contest back.
/// </summary>
public static class ContestRules
{
    public const int MaxReason = 5_000;

    /// <returns>Null when the reason is acceptable, else why not.</returns>
    public static string? ReasonProblem(string? reason) => ReporterText.Problem(reason, MaxReason);

    /// <summary>Whether the reporter may contest the host's response as the receipt shows it now.</summary>
    public static ContestOutcome Check(ReceiptHostResponse? response, IReadOnlyList<ReceiptContest> contests) =>
        response is null ? ContestOutcome.NoHostResponse
        : contests.Any(c => c.HostId == response.HostId && c.ResponseRevision == response.Revision) ? ContestOutcome.AlreadyContested
        : ContestOutcome.Accepted;

    public static bool CanContest(ReceiptHostResponse? response, IReadOnlyList<ReceiptContest> contests) =>
        Check(response, contests) == ContestOutcome.Accepted;

    /// <summary>The contest of <paramref name="response"/>; its id is the one every service derives (<see cref="ContestIds"/>).</summary>
    public static ReceiptContest Open(Guid reportId, ReceiptHostResponse response, DateTimeOffset now) =>
        new(ContestIds.For(reportId, response.HostId, response.Revision), response.HostId, response.Revision, now);

    /// <summary>
    /// Whether <paramref name="contest"/> (opened from what the reporter was shown) may still be added to the receipt as it
    /// is at the time of writing. A newer response arriving meanwhile does not void it: the reporter contested what they saw.
    /// </summary>
    public static ContestOutcome CheckAdd(ReceiptHostResponse? current, IReadOnlyList<ReceiptContest> contests, ReceiptContest contest) =>
        current is null || current.Revision < contest.ResponseRevision ? ContestOutcome.NoHostResponse
        : contests.Any(c => c.Id == contest.Id) ? ContestOutcome.AlreadyContested
        : ContestOutcome.Accepted;

    /// <returns>The contests with this one forwarded, or null when nothing changes (a repeat).</returns>
    public static IReadOnlyList<ReceiptContest>? Forwarded(IReadOnlyList<ReceiptContest> contests, ContestForwarded forwarded)
    {
        var index = IndexOf(contests, forwarded.ContestId);
        if (index < 0)
        {
            // Not on this receipt (restored from a backup older than the contest): the event says all there is to know.
            return [.. contests, new ReceiptContest(
                forwarded.ContestId, forwarded.HostId, forwarded.ResponseRevision, forwarded.ContestedAt, forwarded.ForwardedAt)];
        }

        return contests[index].ForwardedAt is null
            ? Replace(contests, index, contests[index] with { ForwardedAt = forwarded.ForwardedAt })
            : null;
    }

    /// <returns>The contests with this one closed, or null when nothing changes (a repeat, or a contest this receipt does not know).</returns>
    public static IReadOnlyList<ReceiptContest>? Closed(IReadOnlyList<ReceiptContest> contests, ContestClosed closed)
    {
        var index = IndexOf(contests, closed.ContestId);
        return index >= 0 && contests[index].ClosedAt is null
            ? Replace(contests, index, contests[index] with { ClosedAt = closed.ClosedAt, PublicNote = closed.PublicNote })
            : null;
    }

    /// <summary>The contest the reporter sees: the one of the latest response they contested.</summary>
    public static ReceiptContest? Latest(IReadOnlyList<ReceiptContest> contests) =>
        contests.OrderBy(c => c.ResponseRevision).ThenBy(c => c.ContestedAt).LastOrDefault();

    private static int IndexOf(IReadOnlyList<ReceiptContest> contests, Guid id)
    {
        for (var i = 0; i < contests.Count; i++)
        {
            if (contests[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<ReceiptContest> Replace(IReadOnlyList<ReceiptContest> contests, int index, ReceiptContest contest)
    {
        var changed = contests.ToList();
        changed[index] = contest;
        return changed;
    }
}
