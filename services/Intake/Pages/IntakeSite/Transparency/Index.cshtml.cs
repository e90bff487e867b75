namespace SafetyReports.Intake.Pages.IntakeSite.Transparency;

/// <summary><c>/transparency</c>: every listed host's figures over a period, with charts, and the disclosures if Triage publishes them.</summary>
public sealed class IndexModel(TransparencyReader reader) : TransparencyPageModel
{
    public PublishedDisclosures? Disclosures { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReadPeriod())
        {
            return;
        }

        var disclosures = reader.DisclosuresAsync(cancellationToken);
        Answer(await reader.HostsAsync(Period, cancellationToken));
        Disclosures = await disclosures;
    }
}
