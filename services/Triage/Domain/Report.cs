namespace SafetyReports.Triage.Domain;

/// <summary>A report as Triage keeps it. <see cref="Version"/> grows by one with every change.</summary>
public sealed record Report
{
    public required Guid Id { get; init; }
    public required string Status { get; init; }
    public required long Version { get; init; }
    public required ModelReference Model { get; init; }
    public required string Category { get; init; }
    public string? Severity { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>The evidence files' records (never their bytes, which the store keeps apart: <see cref="Storage.ITriageStore.ReadEvidenceFileAsync"/>).</summary>
    public IReadOnlyList<EvidenceFileReference> EvidenceFiles { get; init; } = [];

    /// <summary>The ids of the evidence files maintainers share with the host (<see cref="EvidenceFileSharing"/>); in the notice once there is one.</summary>
    public IReadOnlyList<Guid> SharedFiles { get; init; } = [];

    /// <summary>The reporter's contact as Intake encrypted it; null when anonymous.</summary>
    public string? ProtectedContact { get; init; }
    public bool ContactAllowed { get; init; }

    /// <summary>The reporter's language (a tag of <see cref="SupportedLanguages"/>): every mail to them is written in it.</summary>
    public string Language { get; init; } = SupportedLanguages.Default;

    /// <summary>
    /// The reporter asked for e-mails about the report (the address is in <see cref="ProtectedContact"/>); false again after
    /// they unsubscribed.
    /// </summary>
    public bool NotifyByEmail { get; init; }

    /// <summary>Submitted without a proof of work (the no-JavaScript form).</summary>
    public bool Unchallenged { get; init; }

    /// <summary>Intake's daily keyed hash of the sending client (never its address), for counting distinct clients in a burst; null before it was kept.</summary>
    public string? ClientHash { get; init; }
    public string? Assignee { get; init; }

    /// <summary>Since when the report is held out of the public figures as part of a burst (<see cref="Similarity.BurstHold"/>); null when counted.</summary>
    public DateTimeOffset? HeldAt { get; init; }

    /// <summary>When a maintainer confirmed the burst the report was held in: it is counted and never held again.</summary>
    public DateTimeOffset? BurstConfirmedAt { get; init; }
    public Guid? DuplicateOf { get; init; }
    public IReadOnlyList<ReportNote> Notes { get; init; } = [];
    public IReadOnlyList<ReportNote> PublicNotes { get; init; } = [];

    /// <summary>The reporter's answers to requests for more information, oldest first.</summary>
    public IReadOnlyList<ReporterMessage> ReporterMessages { get; init; } = [];
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? TriagedAt { get; init; }

    /// <summary>When the report entered a closed status (resolved, rejected, duplicate); null while open.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? HostNotifiedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>When the host first responded with a statement of reasons.</summary>
    public DateTimeOffset? RespondedAt { get; init; }

    /// <summary>When the host was told the report will be disclosed unless it responds (the disclosure policy).</summary>
    public DateTimeOffset? DisclosureRemindedAt { get; init; }

    /// <summary>The disclosure date the reminder gave the host; it holds even if the policy changes afterwards.</summary>
    public DateTimeOffset? DisclosureDueAt { get; init; }

    /// <summary>When a redacted entry about the report was published because its host left it unanswered.</summary>
    public DateTimeOffset? DisclosedAt { get; init; }

    /// <summary>The host's latest statement of reasons; earlier revisions are in the audit chain.</summary>
    public HostStatement? HostResponse { get; init; }

    /// <summary>What the maintainers share with the host (set on the first move to triaged); null before.</summary>
    public ReportNotice? Notice { get; init; }

    /// <summary>The reporter's contests of the host's responses, in the order they arrived.</summary>
    public IReadOnlyList<ReportContest> Contests { get; init; } = [];

    /// <summary>The thread between the maintainers and the host, oldest first.</summary>
    public IReadOnlyList<HostThreadMessage> HostMessages { get; init; } = [];

    /// <summary>The hosts the report reached besides its own, each serving a copy of the model, in the order reached.</summary>
    public IReadOnlyList<ReportHost> Hosts { get; init; } = [];

    /// <summary>Re-uploads of the model found after the report was told to the hosts, in the order found.</summary>
    public IReadOnlyList<ModelReupload> Reuploads { get; init; } = [];

    public static Report FromSubmission(ReportSubmitted submitted, DateTimeOffset now) => new()
    {
        Id = submitted.ReportId,
        Status = ReportStatuses.Received,
        Version = 1,
        Model = submitted.Model,
        Category = submitted.Category,
        Severity = submitted.Severity,
        Title = submitted.Title,
        Description = submitted.Description,
        Evidence = submitted.Evidence,
        EvidenceFiles = submitted.EvidenceFiles,
        ProtectedContact = submitted.ProtectedContact,
        ContactAllowed = submitted.ContactAllowed,
        Unchallenged = submitted.Unchallenged,
        ClientHash = submitted.ClientHash,
        Language = SupportedLanguages.Match(submitted.Language) ?? SupportedLanguages.Default,
        NotifyByEmail = submitted.NotifyByEmail && submitted.ProtectedContact is not null,
        ReceivedAt = submitted.ReceivedAt,
        UpdatedAt = now,
    };

    public ReportStatusChanged StatusChanged(string? previousStatus, string? publicNote) => new(
        Id, Status, previousStatus, Version, Model, Category, Severity, Title, publicNote, UpdatedAt, TriagedAt);
}
