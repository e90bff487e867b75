namespace SafetyReports.Portal.Pages.Portal.Host;

/// <summary>
/// <c>/portal/host</c>: a host user's inbox, the notices sent to their host (and only those: the host API answers for
/// the host the user's token names), newest first as the host API lists them, with cursor paging.
/// </summary>
public sealed class InboxModel(HostClient host) : PortalPageModel
{
    public IReadOnlyList<HostReport> Items { get; private set; } = [];

    public string? Cursor { get; private set; }

    public string? NextCursor { get; private set; }

    public bool Loaded { get; private set; }

    public static string PageUrl(string? cursor) => "/portal/host" + UrlQuery.Build([("cursor", cursor)]);

    public async Task<IActionResult> OnGetAsync(string? cursor, string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        Cursor = string.IsNullOrWhiteSpace(cursor) ? null : cursor.Trim();
        var page = await host.ListAsync(Cursor, cancellationToken);
        if (!page.IsOk)
        {
            return await ShowProblemAsync(page.Problem!, "cursor") ?? Page();
        }

        Items = page.Value!.Items;
        NextCursor = page.Value.NextCursor;
        Loaded = true;
        return Page();
    }
}
