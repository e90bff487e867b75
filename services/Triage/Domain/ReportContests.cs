namespace SafetyReports.Triage.Domain;

/// <summary>
/// Contests of a host's response: recorded once each as Intake sends them (<c>reporter_contested</c>, the reason kept as a
/// reporter's message is), forwarded to the host (<c>contest_forwarded</c>, <see cref="ContestForwarded"/>) or closed with a
/// public note (<c>contest_closed</c>, <see cref="ContestClosed"/>). None of them moves the report's status.
/// </summary>
public static class ReportContests
{
    public const string ContestedAction = "reporter_contested";
    public const string ForwardedAction = "contest_forwarded";
    public const string ClosedAction = "contest_closed";

    /// <summary>The queue's <c>contested=true</c>: a contest waits on the maintainers.</summary>
    public static bool HasOpen(Report report) => report.Contests.Any(c => c.State == ContestStates.Open);

    /// <summary>Records a reporter's contest; null when it is recorded already (a repeated message).</summary>
    public static (Report Report, AuditDraft Audit)? Record(Report report, ReporterContested contested, DateTimeOffset now)
    {
        if (report.Contests.Any(c => c.Id == contested.ContestId))
        {
            return null;
        }

        var contest = new ReportContest(contested.ContestId, contested.HostId, contested.ResponseRevision, contested.Reason, contested.ContestedAt,
            ContestStates.Open);
        var updated = report with { Contests = [.. report.Contests, contest], Version = report.Version + 1, UpdatedAt = now };
        var data = JsonSerializer.Serialize(new
        {
            contestId = contested.ContestId,
            hostId = contested.HostId,
            responseRevision = contested.ResponseRevision,
            reason = contested.Reason,
            contestedAt = contested.ContestedAt,
        });
        return (updated, new AuditDraft(report.Id, now, ContactErasure.ReporterActor, ContestedAction, data));
    }

    /// <summary>An open contest goes to the host, with the reporter's reason unless the maintainer shortened it, and their note.</summary>
    public static WorkflowOutcome Forward(Report report, Guid contestId, ContestForwardRequest request, string actor, DateTimeOffset now)
    {
        if (Find(report, contestId) is not { } contest)
        {
            return NotFound;
        }

        var errors = new Dictionary<string, string[]>();
        var reason = MaintainerText.Optional(request.Reason, "reason", errors);
        var note = MaintainerText.Optional(request.Note, "note", errors);
        if (Refused(report, contest, request.ExpectedVersion, errors, [ContestStates.Open], "forwarded") is { } refused)
        {
            return refused;
        }

        var forwarded = contest with { State = ContestStates.Forwarded, ForwardedAt = now, ForwardedReason = reason ?? contest.Reason, ForwardNote = note };
        var updated = Replace(report, forwarded, now);
        var data = JsonSerializer.Serialize(new
        {
            contestId,
            hostId = contest.HostId,
            responseRevision = contest.ResponseRevision,
            // The reporter's reason is in their reporter_contested entry; a shortened one is the maintainers' text.
            reasonEdited = reason is not null && reason != contest.Reason,
            reason = reason is not null && reason != contest.Reason ? reason : null,
            note,
            version = updated.Version,
        });
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated, new AuditDraft(report.Id, now, actor, ForwardedAction, data),
            Messages:
            [
                new ContestForwarded(report.Id, contestId, contest.HostId, contest.ResponseRevision, forwarded.ForwardedReason!, note,
                    contest.ContestedAt, now),
            ]);
    }

    /// <summary>An open or forwarded contest is closed with a note the reporter sees on their status page.</summary>
    public static WorkflowOutcome Close(Report report, Guid contestId, ContestCloseRequest request, string actor, DateTimeOffset now)
    {
        if (Find(report, contestId) is not { } contest)
        {
            return NotFound;
        }

        var errors = new Dictionary<string, string[]>();
        var publicNote = MaintainerText.Required(request.PublicNote, "publicNote", "The note the reporter will see", errors);

        if (Refused(report, contest, request.ExpectedVersion, errors, [ContestStates.Open, ContestStates.Forwarded], "closed") is { } refused)
        {
            return refused;
        }

        var closed = contest with { State = ContestStates.Closed, ClosedAt = now, PublicNote = publicNote };
        var updated = Replace(report, closed, now);
        var data = JsonSerializer.Serialize(new { contestId, from = contest.State, publicNote, version = updated.Version });
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated, new AuditDraft(report.Id, now, actor, ClosedAction, data),
            Messages: [new ContestClosed(report.Id, contestId, publicNote!, now)]);
    }

    private static WorkflowOutcome NotFound => new(WorkflowOutcomeKind.NotFound, Detail: "The report has no contest with this id.");

    private static ReportContest? Find(Report report, Guid contestId) => report.Contests.FirstOrDefault(c => c.Id == contestId);

    private static WorkflowOutcome? Refused(
        Report report, ReportContest contest, long? expectedVersion, Dictionary<string, string[]> errors, string[] from, string to)
    {
        if (ExpectedVersion.Check(report, expectedVersion, errors) is { } refused)
        {
            return refused;
        }

        return from.Contains(contest.State)
            ? null
            : new WorkflowOutcome(WorkflowOutcomeKind.Conflict, Detail: $"The contest is {contest.State}; it cannot be {to}.");
    }

    private static Report Replace(Report report, ReportContest contest, DateTimeOffset now) => report with
    {
        Contests = [.. report.Contests.Select(c => c.Id == contest.Id ? contest : c)],
        Version = report.Version + 1,
        UpdatedAt = now,
    };
}
