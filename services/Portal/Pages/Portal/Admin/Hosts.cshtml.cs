namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary><c>/portal/admin/hosts</c>: model hosts in Notification: the list (when the API offers one), open one by id, create one.</summary>
public sealed class HostsModel(NotificationClient notification) : PortalPageModel
{
    public IReadOnlyList<HostView>? Hosts { get; private set; }

    [BindProperty]
    public string? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(string? open, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(open))
        {
            return Redirect($"/portal/admin/hosts/{Uri.EscapeDataString(open.Trim())}");
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await notification.CreateHostAsync(new CreateHostBody(Id?.Trim() ?? "", Name?.Trim() ?? "", ContactEmail?.Trim() ?? ""), cancellationToken);
        if (result.IsOk)
        {
            return Redirect($"/portal/admin/hosts/{Uri.EscapeDataString(result.Value!.Id)}?done=host_created");
        }

        return await ShowProblemAsync(result.Problem!, "id", "name", "contactEmail") ?? await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var hosts = await notification.ListHostsAsync(cancellationToken);
        if (hosts.IsOk)
        {
            Hosts = hosts.Value!.Items.OrderBy(h => h.Id, StringComparer.Ordinal).ToList();
        }
        else if (hosts.Problem!.Outcome != ApiOutcome.NotFound)
        {
            return await ShowProblemAsync(hosts.Problem);
        }

        return null;
    }
}
