namespace SafetyReports.Portal.Reports;

/// <summary>One transition form on the report page and what it asks for.</summary>
/// <param name="To">The target status.</param>
/// <param name="ReasonRequired">Resolve, reject and ask-for-info need a text for the reporter (<c>publicNote</c>).</param>
/// <param name="DuplicateOfRequired">A duplicate names its original.</param>
/// <param name="SeverityRequired">Triaging a report without a severity needs one.</param>
public sealed record TransitionForm(string To, bool ReasonRequired, bool DuplicateOfRequired, bool SeverityRequired);

/// <summary>What a maintainer's transition form sent, as the page binds it.</summary>
public sealed record TransitionInput(string? To, string? Note, string? PublicNote, string? DuplicateOf, string? Severity);

/// <summary>The action forms the report page offers.</summary>
public sealed record ReportActionSet(bool CanClaim, bool CanUnassign, IReadOnlyList<TransitionForm> Transitions);

/// <summary>
/// Which actions the report page shows: transitions only from the report's <c>allowedTransitions</c> (the
/// workflow lives in Triage), claim unless the user already holds it, and the fields each transition needs.
/// </summary>
public static class ReportActions
{
    public const int MaxTextLength = 20_000;

    public static ReportActionSet For(ReportDetail report, string? userName)
    {
        var mine = userName is not null && string.Equals(report.Assignee, userName, StringComparison.OrdinalIgnoreCase);
        var transitions = report.AllowedTransitions
            .Where(ReportStatuses.IsKnown)
            .Distinct()
            .Select(to => FormFor(to, report.Severity))
            .ToList();
        return new ReportActionSet(CanClaim: !mine && userName is not null, CanUnassign: report.Assignee is not null, transitions);
    }

    public static TransitionForm FormFor(string to, string? currentSeverity) => new(
        to,
        ReasonRequired: to is ReportStatuses.Resolved or ReportStatuses.Rejected or ReportStatuses.NeedsInfo,
        DuplicateOfRequired: to == ReportStatuses.Duplicate,
        SeverityRequired: to == ReportStatuses.Triaged && currentSeverity is null);

    /// <summary>The portal's own checks before calling the API (the API checks again): field name → message key in PortalText.</summary>
    public static Dictionary<string, string> Validate(ReportActionSet actions, TransitionInput input)
    {
        var errors = new Dictionary<string, string>();
        var form = actions.Transitions.FirstOrDefault(t => t.To == input.To);
        if (form is null)
        {
            errors["to"] = "Error_TransitionNotOffered";
            return errors;
        }

        if (form.ReasonRequired && string.IsNullOrWhiteSpace(input.PublicNote))
        {
            errors["publicNote"] = form.To == ReportStatuses.NeedsInfo ? "Error_QuestionRequired" : "Error_ReasonRequired";
        }

        // Any move's duplicateOf must be an id: the page parses it (a form built by hand can send it with any move).
        if ((form.DuplicateOfRequired || input.DuplicateOf is not null) && !Guid.TryParse(input.DuplicateOf?.Trim(), out _))
        {
            errors["duplicateOf"] = "Error_DuplicateOfRequired";
        }

        if (form.SeverityRequired && !Severities.IsKnown(input.Severity))
        {
            errors["severity"] = "Error_SeverityRequired";
        }
        else if (!string.IsNullOrEmpty(input.Severity) && !Severities.IsKnown(input.Severity))
        {
            errors["severity"] = "Error_SeverityUnknown";
        }

        if (input.Note is { Length: > MaxTextLength })
        {
            errors["note"] = "Error_TooLong";
        }

        if (input.PublicNote is { Length: > MaxTextLength })
        {
            errors["publicNote"] = "Error_TooLong";
        }

        return errors;
    }
}
