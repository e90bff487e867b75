namespace SafetyReports.Triage.Domain;

/// <summary>
/// What to redact: every occurrence of <see cref="Text"/> (ignoring case) in the named
/// <see cref="Fields"/> (default: the description and every evidence item), or, without a text, the
/// named fields whole. Fields: <c>description</c>, <c>evidence</c> (every item), <c>evidence/N</c> (item N, from 0),
/// <c>files/{id}</c> (an evidence file, removed whole: its record and its bytes).
/// </summary>
public sealed record RedactionRequest(string? Text, IReadOnlyList<string>? Fields, long? ExpectedVersion);

/// <summary>
/// Removing what a reporter should not have typed into a report (their own contact details, a third
/// party's) from its description and evidence: the text is replaced by <see cref="Marker"/>, and the
/// <c>redacted</c> audit entry records who, when, which fields and how many replacements, never the text.
/// The title is not redactable here: it travels to hosts in webhooks and Notification keeps it, out of
/// Triage's reach. Reporters' follow-up messages are not either: their audit entries hold their text.
/// When the host was shown a redacted field (the report's notice), the notice is shared again at its next revision.
/// </summary>
public static class ReportRedaction
{
    public const string Action = "redacted";
    public const string Marker = "[redacted]";
    public const int MaxTextLength = 1_000;
    public const string Description = "description";
    public const string Evidence = "evidence";
    public const string Files = "files";

    public static WorkflowOutcome Apply(Report report, RedactionRequest request, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var text = request.Text;
        if (text is not null && (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength))
        {
            errors["text"] = [$"Give the exact text to remove, 1 to {MaxTextLength} characters, not only white space."];
        }

        var targets = Targets(report, request.Fields, text is null, errors);
        if (ExpectedVersion.Check(report, request.ExpectedVersion, errors) is { } refused)
        {
            return refused;
        }

        var occurrences = 0;
        var changedFields = new List<string>();
        var description = report.Description;
        if (targets.Description)
        {
            description = Redact(description, text, ref occurrences);
            if (description != report.Description)
            {
                changedFields.Add(Description);
            }
        }

        if (text is not null && targets.Files.Count > 0)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Invalid, Errors: new Dictionary<string, string[]>
            {
                ["fields"] = ["A file is removed whole: name it without a text, in a redaction of its own."],
            });
        }

        changedFields.AddRange(targets.Files.Select(id => $"{Files}/{id}"));
        var files = report.EvidenceFiles.Where(f => !targets.Files.Contains(f.Id)).ToList();

        var evidence = report.Evidence.ToList();
        foreach (var index in targets.EvidenceItems)
        {
            var content = Redact(evidence[index].Content, text, ref occurrences);
            if (content != evidence[index].Content)
            {
                evidence[index] = evidence[index] with { Content = content };
                changedFields.Add($"{Evidence}/{index.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (changedFields.Count == 0)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Invalid, Errors: new Dictionary<string, string[]>
            {
                [text is null ? "fields" : "text"] = [text is null ? "Those fields are redacted already." : "The text is not in the chosen fields."],
            });
        }

        var redacted = report with { Description = description, Evidence = evidence, EvidenceFiles = files,
            SharedFiles = [.. report.SharedFiles.Where(id => !targets.Files.Contains(id))], Version = report.Version + 1, UpdatedAt = now };
        var (updated, shared) = ReportNotices.Reshare(report, redacted, now);
        var count = text is null ? changedFields.Count : occurrences;
        var data = shared is null
            ? JsonSerializer.Serialize(new { fields = changedFields, whole = text is null, occurrences = count, version = updated.Version })
            : JsonSerializer.Serialize(new { fields = changedFields, whole = text is null, occurrences = count, version = updated.Version, noticeRevision = shared.Revision });
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated, new AuditDraft(report.Id, now, actor, Action, data),
            Messages: shared is null ? null : [shared]);
    }

    private static string Redact(string value, string? text, ref int occurrences)
    {
        if (text is null)
        {
            return Marker;
        }

        var found = 0;
        for (var at = value.IndexOf(text, StringComparison.OrdinalIgnoreCase); at >= 0; at = value.IndexOf(text, at + text.Length, StringComparison.OrdinalIgnoreCase))
        {
            found++;
        }

        occurrences += found;
        return found == 0 ? value : value.Replace(text, Marker, StringComparison.OrdinalIgnoreCase);
    }

    private static (bool Description, IReadOnlyList<int> EvidenceItems, IReadOnlyList<Guid> Files) Targets(
        Report report, IReadOnlyList<string>? fields, bool wholeFields, Dictionary<string, string[]> errors)
    {
        var all = Enumerable.Range(0, report.Evidence.Count).ToList();
        if (fields is null || fields.Count == 0)
        {
            if (wholeFields)
            {
                errors["fields"] = ["Name the fields to redact whole, or give the text to remove."];
            }

            return (true, all, []);
        }

        var description = false;
        var items = new SortedSet<int>();
        var files = new List<Guid>();
        var unknown = new List<string>();
        foreach (var field in fields)
        {
            if (field == Description)
            {
                description = true;
            }
            else if (field == Evidence)
            {
                items.UnionWith(all);
            }
            else if (field is not null && field.StartsWith(Evidence + "/", StringComparison.Ordinal)
                && int.TryParse(field.AsSpan(Evidence.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < report.Evidence.Count)
            {
                items.Add(index);
            }
            else if (field is not null && field.StartsWith(Files + "/", StringComparison.Ordinal)
                && Guid.TryParse(field.AsSpan(Files.Length + 1), out var fileId) && report.EvidenceFiles.Any(f => f.Id == fileId))
            {
                if (!files.Contains(fileId))
                {
                    files.Add(fileId);
                }
            }
            else
            {
                unknown.Add(field ?? "null");
            }
        }

        if (unknown.Count > 0)
        {
            errors["fields"] = [$"Unknown fields: {string.Join(", ", unknown)}. Known: {Description}, {Evidence}, {Evidence}/0 to {Evidence}/{report.Evidence.Count - 1}, {Files}/{{id}} for each of its files."];
        }

        return (description, [.. items], files);
    }
}
