using System.Text.RegularExpressions;

namespace SafetyReports.Triage.Advisories;

/// <summary>
/// What an advisory may say, and the only place one is made: from a resolved or disclosed report, the fields the request
/// approves (<see cref="AdvisoryFields"/>) and the maintainers' own text. Nothing of the reporter is ever read here (no
/// contact, title, description, evidence or messages): <see cref="AdvisoryPrivacy"/> proves the shape cannot hold them.
/// </summary>
public static partial class AdvisoryContent
{
    public const int MaxSummaryLength = 500;
    public const int MaxCreditLength = 200;
    public const int MaxReferences = 20;
    public const int MaxUrlLength = 2_000;
    public const int MaxAliases = 10;
    public const int MaxAliasLength = 100;

    /// <summary>Null when the report may be published; else why not (a conflict: the report must move first).</summary>
    public static string? Ineligible(Report report) =>
        report.Status == ReportStatuses.Resolved || report.DisclosedAt is not null
            ? null
            : $"Only a resolved or disclosed report can be published as an advisory; this report is {report.Status}.";

    /// <summary>Field errors of a publish request; empty when it may be applied to <paramref name="report"/>.</summary>
    public static Dictionary<string, string[]> Validate(AdvisoryRequest request, Report report)
    {
        var errors = new Dictionary<string, string[]>();
        var fields = request.Fields ?? [];
        if (fields.FirstOrDefault(f => !AdvisoryFields.All.Contains(f)) is { } unknown)
        {
            errors["fields"] = [$"Unknown field '{Shorten(unknown)}'; approve any of: {string.Join(", ", AdvisoryFields.All)}."];
        }
        else if (fields.Distinct().Count() != fields.Count)
        {
            errors["fields"] = ["Name each field once."];
        }

        Require(fields, AdvisoryFields.Severity, report.Severity is not null, "The report has no severity.", errors);
        Require(fields, AdvisoryFields.ModelRevision, report.Model.Revision is not null, "The report names no model revision.", errors);
        Require(fields, AdvisoryFields.HostResponse, report.HostResponse is not null, "The host has not responded.", errors);
        Text(fields, AdvisoryFields.Summary, request.Summary, MaxSummaryLength, errors);
        Text(fields, AdvisoryFields.Credit, request.Credit, MaxCreditLength, errors);
        Listed(fields, AdvisoryFields.References, request.References, MaxReferences, errors, (r, i) => ReferenceError(r, i));
        Listed(fields, AdvisoryFields.Aliases, request.Aliases, MaxAliases, errors, (a, i) =>
            a is { Length: > 0 and <= MaxAliasLength } && AliasPattern().IsMatch(a) && !AdvisoryPrivacy.ContainsEmailAddress(a)
                ? null
                : $"aliases[{i}]: an identifier of 1–{MaxAliasLength} letters, digits and . _ : - (e.g. CVE-2026-12345).");
        if (request.ExpectedRevision is < 1)
        {
            errors["expectedRevision"] = ["The advisory's current revision (from 1), or absent when publishing it the first time."];
        }

        return errors;
    }

    /// <summary>
    /// The advisory the request makes of the report: a first revision, or the next one of <paramref name="current"/>. The id and
    /// the final <see cref="Advisory.Modified"/> are the store's (<see cref="Storage.IAdvisories.SaveAdvisoryAsync"/>).
    /// </summary>
    public static Advisory Draft(Report report, AdvisoryRequest request, Advisory? current, DateTimeOffset now)
    {
        var fields = AdvisoryFields.All.Where(f => (request.Fields ?? []).Contains(f)).ToList();
        bool Approved(string field) => fields.Contains(field);
        var revision = (current?.Revision ?? 0) + 1;
        var change = current is null ? AdvisoryFields.Published : AdvisoryFields.Revised;
        return new Advisory
        {
            Id = current?.Id ?? "",
            ReportId = report.Id,
            Revision = revision,
            Published = current?.Published ?? now,
            Modified = now,
            Fields = fields,
            Aliases = Approved(AdvisoryFields.Aliases) ? [.. request.Aliases!.Distinct()] : [],
            // The named model with its file digests, then every copy on another host the report reached (docs/models.md).
            Affected = [new AffectedModel(report.Model.Host, report.Model.Id,
                    Approved(AdvisoryFields.ModelRevision) && report.Model.Revision is { } modelRevision ? [modelRevision] : [], [.. report.Model.Digests()]),
                .. report.Hosts.Select(h => new AffectedModel(h.HostId, h.ModelId, [], [.. h.SharedDigests]))],
            Category = report.Category,
            Severity = Approved(AdvisoryFields.Severity) ? report.Severity : null,
            Summary = Approved(AdvisoryFields.Summary) ? request.Summary!.Trim() : null,
            HostResponses = Approved(AdvisoryFields.HostResponse) && report.HostResponse is { } statement
                ? [new AdvisoryHostResponse(report.Model.Host, statement.Action, statement.Scope, statement.Until, statement.DecisionGround,
                    statement.TerritorialScope, statement.AutomatedDecision, statement.RespondedAt)]
                : [],
            References = Approved(AdvisoryFields.References)
                ? [.. request.References!.Select(r => new AdvisoryReference(r.Type!, r.Url!.Trim()))]
                : [],
            Credit = Approved(AdvisoryFields.Credit) ? request.Credit!.Trim() : null,
            History = [.. current?.History ?? [], new AdvisoryRevision(revision, now, change)],
        };
    }

    /// <summary>True when <paramref name="next"/> says what <paramref name="current"/> says: publishing it again changes nothing.</summary>
    public static bool SameContent(Advisory current, Advisory next) =>
        current.Fields.SequenceEqual(next.Fields) && current.Aliases.SequenceEqual(next.Aliases) && current.Affected.Count == next.Affected.Count
        && current.Affected.Zip(next.Affected).All(p => p.First.Host == p.Second.Host && p.First.Id == p.Second.Id
            && p.First.Revisions.SequenceEqual(p.Second.Revisions) && p.First.Digests.SequenceEqual(p.Second.Digests))
        && current.Category == next.Category && current.Severity == next.Severity && current.Summary == next.Summary
        && current.HostResponses.Count == next.HostResponses.Count
        && current.HostResponses.Zip(next.HostResponses).All(p => Same(p.First, p.Second))
        && current.References.SequenceEqual(next.References) && current.Credit == next.Credit;

    /// <summary>Withdrawing is a revision too: the advisory stays served, marked withdrawn, and cannot be revised again.</summary>
    public static Advisory Withdraw(Advisory current, DateTimeOffset now) => current with
    {
        Revision = current.Revision + 1,
        Modified = now,
        Withdrawn = now,
        History = [.. current.History, new AdvisoryRevision(current.Revision + 1, now, AdvisoryFields.WithdrawnChange)],
    };

    /// <summary>The audit entry's data: the id, the revision and which fields are published, never their text.</summary>
    public static string AuditData(Advisory advisory) =>
        JsonSerializer.Serialize(new { id = advisory.Id, revision = advisory.Revision, fields = advisory.Fields, withdrawn = advisory.IsWithdrawn });

    private static bool Same(AdvisoryHostResponse a, AdvisoryHostResponse b) =>
        a with { TerritorialScope = null } == b with { TerritorialScope = null }
        && (a.TerritorialScope ?? []).SequenceEqual(b.TerritorialScope ?? []);

    private static void Require(IReadOnlyList<string> fields, string field, bool present, string missing, Dictionary<string, string[]> errors)
    {
        if (fields.Contains(field) && !present)
        {
            errors[field] = [missing + " Leave it out of fields."];
        }
    }

    private static void Text(IReadOnlyList<string> fields, string field, string? value, int max, Dictionary<string, string[]> errors)
    {
        var approved = fields.Contains(field);
        if (approved != !string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [approved ? "Give the text to publish, or leave it out of fields." : $"Name {field} in fields to publish it."];
        }
        else if (value is not null && approved && (value.Trim().Length > max || TextRules.HasForbiddenCharacters(value, multiline: false)))
        {
            errors[field] = [$"One line of at most {max} characters, without control characters."];
        }
        else if (value is not null && approved && AdvisoryPrivacy.ContainsEmailAddress(value))
        {
            errors[field] = ["No e-mail addresses: an advisory carries no one's contact."];
        }
    }

    private static void Listed<T>(IReadOnlyList<string> fields, string field, IReadOnlyList<T>? values, int max,
        Dictionary<string, string[]> errors, Func<T, int, string?> check)
    {
        var approved = fields.Contains(field);
        if (approved != values is { Count: > 0 })
        {
            errors[field] = [approved ? "Give at least one, or leave it out of fields." : $"Name {field} in fields to publish them."];
            return;
        }

        if (values is null || !approved)
        {
            return;
        }

        if (values.Count > max)
        {
            errors[field] = [$"At most {max}."];
            return;
        }

        var problems = values.Select(check).OfType<string>().ToArray();
        if (problems.Length > 0)
        {
            errors[field] = problems;
        }
    }

    private static string? ReferenceError(AdvisoryReferenceRequest? reference, int index) =>
        reference is null || reference.Type is null || !AdvisoryFields.ReferenceTypes.Contains(reference.Type)
            ? $"references[{index}].type: one of {string.Join(", ", AdvisoryFields.ReferenceTypes)}."
            : reference.Url is not { Length: > 0 and <= MaxUrlLength } url
              || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0
              || TextRules.HasForbiddenCharacters(url, multiline: false) || AdvisoryPrivacy.ContainsEmailAddress(url)
                ? $"references[{index}].url: an absolute http(s) address of at most {MaxUrlLength} characters, without user information or e-mail addresses."
                : null;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]*\z")]
    private static partial Regex AliasPattern();
}
