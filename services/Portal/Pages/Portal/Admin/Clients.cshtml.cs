namespace SafetyReports.Portal.Pages.Portal.Admin;

/// <summary>
/// <c>/portal/admin/clients</c>: OAuth clients in Identity. Creating a machine client answers with its secret
/// in this response only (no redirect, nothing stored here); deleting a seeded client lasts until the next start.
/// </summary>
public sealed class ClientsModel(IdentityClient identity) : PortalPageModel
{
    public static readonly IReadOnlyList<string> GrantableScopes = Scopes.All;

    public IReadOnlyList<ClientView> Clients { get; private set; } = [];

    /// <summary>Set once, right after creation: the only time the secret is shown.</summary>
    public CreatedClient? Created { get; private set; }

    [BindProperty]
    public string? ClientId { get; set; }

    [BindProperty(Name = "scopes")]
    public List<string> SelectedScopes { get; set; } = [];

    [BindProperty]
    public string? HostId { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        ShowDone(done);
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var hostId = string.IsNullOrWhiteSpace(HostId) ? null : HostId.Trim();
        var result = await identity.CreateClientAsync(new CreateClientBody(ClientId?.Trim() ?? "", SelectedScopes, hostId), cancellationToken);
        if (result.IsOk)
        {
            Created = result.Value;
            ClientId = null;
            HostId = null;
            SelectedScopes = [];
            Response.Headers.CacheControl = "no-store";
        }
        else if (await ShowProblemAsync(result.Problem!, "clientId", "scopes", "hostId") is { } stop)
        {
            return stop;
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? clientId, CancellationToken cancellationToken)
    {
        var result = await identity.DeleteClientAsync(clientId, cancellationToken);
        if (result.IsOk)
        {
            return Redirect("/portal/admin/clients?done=client_deleted");
        }

        return await ShowProblemAsync(result.Problem!) ?? await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var clients = await identity.ListClientsAsync(cancellationToken);
        if (!clients.IsOk)
        {
            return await ShowProblemAsync(clients.Problem!);
        }

        Clients = clients.Value!.Items.OrderBy(c => c.ClientId, StringComparer.Ordinal).ToList();
        return null;
    }
}
