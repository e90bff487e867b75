namespace SafetyReports.Triage.Advisories;

/// <summary>An advisory in the public list and change feed: enough to decide whether to fetch it, and where.</summary>
public sealed record AdvisoryListItem(
    string Id,
    int Revision,
    DateTimeOffset Published,
    DateTimeOffset Modified,
    DateTimeOffset? Withdrawn,
    string Category,
    string? Severity,
    string? Summary,
    IReadOnlyList<AffectedModel> Affected,
    string Osv,
    string Avid)
{
    public static AdvisoryListItem From(Advisory advisory) => new(
        advisory.Id, advisory.Revision, advisory.Published, advisory.Modified, advisory.Withdrawn, advisory.Category, advisory.Severity,
        advisory.Summary, advisory.Affected,
        $"{AdvisoryFeed.Path}/{advisory.Id}?format={AdvisoryJson.OsvFormat}",
        $"{AdvisoryFeed.Path}/{advisory.Id}?format={AdvisoryJson.AvidFormat}");
}

/// <summary>A page of the list: <see cref="Next"/> is where the next page starts (<c>since</c> or <c>cursor</c>), null at the end.</summary>
public sealed record AdvisoryListPage(IReadOnlyList<AdvisoryListItem> Items, string? Next);
