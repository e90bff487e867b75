namespace SafetyReports.Intake.Pages.IntakeSite.Transparency;

/// <summary><c>/transparency/models?host=…</c>: the figures of one host's models over a period.</summary>
public sealed class ModelsModel(TransparencyReader reader) : TransparencyPageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Host { get; set; }

    public bool HostMissing => string.IsNullOrWhiteSpace(Host);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (HostMissing)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (ReadPeriod())
        {
            Answer(await reader.ModelsAsync(Host!, Period, cancellationToken));
        }
    }
}
