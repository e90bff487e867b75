namespace SafetyReports.Triage.Transparency;

/// <summary>
/// Folds audit entries, in chain order, into the <see cref="TransparencyFacts"/> of each report: the same facts
/// <see cref="TransparencyFacts.From"/> gives for the report as the store has it, so anyone holding an export
/// can recompute the published figures. Each case mirrors the domain function that wrote the entry.
/// </summary>
public sealed class AuditReplay
{
    /// <summary>
    /// Actions that change nothing the figures count (text, assignee, contact, notices, disclosure, exports of a report or the chain, the host's notice,
    /// what becomes of a contest once made, the thread with the host, evidence files shared or downloaded).
    /// </summary>
    public static readonly IReadOnlySet<string> ActionsWithoutFacts = new HashSet<string>(StringComparer.Ordinal)
    {
        "note", ReportAssignment.Action, ContactErasure.Erased, ContactErasure.Purged, WebhookDisableNotice.Action,
        DisclosurePolicy.RemindAction, DisclosurePolicy.DiscloseAction, ReportExportRecord.Action, AuditExportRecord.Action, ReportRedaction.Action,
        ReportNotices.ChangedAction, ReportContests.ForwardedAction, ReportContests.ClosedAction, HostThread.SentAction, HostThread.ReceivedAction,
        EvidenceFileSharing.SharedAction, EvidenceFileSharing.UnsharedAction, EvidenceFileDownloads.Action,
    };

    private readonly Dictionary<Guid, TransparencyFacts> _facts = [];
    private readonly Dictionary<string, long> _unknownActions = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<Guid, TransparencyFacts> Facts => _facts;

    /// <summary>Actions this replay does not know, with their number of entries; they are taken to change no fact.</summary>
    public IReadOnlyDictionary<string, long> UnknownActions => _unknownActions;

    /// <summary>
    /// Reports whose <c>received</c> entry predates the <c>receivedAt</c> field: their receipt time is the entry's,
    /// when Triage stored them, which is later than Intake's by the hand-over delay.
    /// </summary>
    public long ReceivedAtFromEntryTime { get; private set; }

    /// <summary>The last entry added.</summary>
    public AuditEntry? Last { get; private set; }

    public static AuditReplay Of(IEnumerable<AuditEntry> entries)
    {
        var replay = new AuditReplay();
        foreach (var entry in entries)
        {
            replay.Add(entry);
        }

        return replay;
    }

    public void Add(AuditEntry entry)
    {
        Last = entry;
        AuditReplayData data;
        try
        {
            data = AuditReplayData.Parse(entry.Data);
        }
        catch (JsonException)
        {
            throw new AuditReplayException(entry, "its data is not JSON");
        }

        switch (entry.Action)
        {
            case "received":
                Receive(entry, data);
                break;
            case "transition":
                Update(entry, facts =>
                {
                    var to = Required(entry, data.String("to"), "to");
                    return facts with
                    {
                        Status = to,
                        Category = data.String("category") ?? facts.Category,
                        TriagedAt = to == ReportStatuses.Triaged ? facts.TriagedAt ?? entry.At : facts.TriagedAt,
                    };
                });
                break;
            case ReportClassification.Action:
                Update(entry, facts => facts with { Category = data.Object("category")?.String("to") ?? facts.Category });
                break;
            case "host_notified":
                Update(entry, facts => facts with
                {
                    Status = Required(entry, data.String("to"), "to"),
                    NotifiedAt = facts.NotifiedAt ?? Truncate(Required(entry, data.Time("deliveredAt"), "deliveredAt")),
                });
                break;
            case "host_acknowledged":
                Update(entry, facts => facts with
                {
                    Status = Required(entry, data.String("to"), "to"),
                    AcknowledgedAt = facts.AcknowledgedAt ?? Truncate(Required(entry, data.Time("acknowledgedAt"), "acknowledgedAt")),
                });
                break;
            case HostResponseMoves.Responded or HostResponseMoves.Updated:
                Update(entry, facts => facts with
                {
                    Action = Required(entry, data.String("action"), "action"),
                    Automated = data.Bool("automated"),
                    RespondedAt = facts.RespondedAt ?? Truncate(Required(entry, data.Time("respondedAt"), "respondedAt")),
                });
                break;
            case Similarity.BurstHold.HeldAction:
                Update(entry, facts => facts with { Held = true });
                break;
            case Similarity.BurstHold.ConfirmedAction:
                Update(entry, facts => facts with { Held = false });
                break;
            case ReportContests.ContestedAction:
                Update(entry, facts => facts with { Contested = true });
                break;
            case "reporter_message":
                Update(entry, facts => facts with { Status = Required(entry, data.String("to"), "to") });
                break;
            default:
                if (!ActionsWithoutFacts.Contains(entry.Action))
                {
                    _unknownActions[entry.Action] = _unknownActions.GetValueOrDefault(entry.Action) + 1;
                }

                break;
        }
    }

    private void Receive(AuditEntry entry, AuditReplayData data)
    {
        var model = data.Object("model");
        var receivedAt = data.Time("receivedAt");
        if (receivedAt is null)
        {
            ReceivedAtFromEntryTime++;
        }

        // The store writes a report, and its received entry, once; a second one would be a store fault, not a new report.
        _facts.TryAdd(entry.ReportId, new TransparencyFacts
        {
            Host = Required(entry, model?.String("host"), "model.host"),
            Model = Required(entry, model?.String("id"), "model.id"),
            Category = Required(entry, data.String("category"), "category"),
            Status = data.String("to") ?? ReportStatuses.Received,
            ReceivedAt = Truncate(receivedAt ?? entry.At),
        });
    }

    private void Update(AuditEntry entry, Func<TransparencyFacts, TransparencyFacts> change)
    {
        if (!_facts.TryGetValue(entry.ReportId, out var facts))
        {
            throw new AuditReplayException(entry, $"report {entry.ReportId} has no received entry before it");
        }

        _facts[entry.ReportId] = change(facts);
    }

    private static string Required(AuditEntry entry, string? value, string field) =>
        value ?? throw new AuditReplayException(entry, $"its data has no {field}");

    private static DateTimeOffset Required(AuditEntry entry, DateTimeOffset? value, string field) =>
        value ?? throw new AuditReplayException(entry, $"its data has no {field}");

    private static DateTimeOffset Truncate(DateTimeOffset at) => AuditChain.Truncate(at);
}

/// <summary>An intact entry the replay cannot read: the figures cannot be recomputed from this chain.</summary>
public sealed class AuditReplayException(AuditEntry entry, string reason)
    : Exception($"entry {entry.Sequence} ({entry.Action}): {reason}")
{
    public long Sequence { get; } = entry.Sequence;
}
