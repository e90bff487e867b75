namespace SafetyReports.Intake.Pages.IntakeSite.Transparency;

/// <summary><c>/transparency</c>: every listed host's figures over a period, with charts, the disclosures if Triage publishes them, and the audit log's checkpoint.</summary>
public sealed class IndexModel(TransparencyReader reader) : TransparencyPageModel
{
    public PublishedDisclosures? Disclosures { get; private set; }

    /// <summary>The transparency log's latest signed checkpoint, shown as served; null when Triage cannot be read.</summary>
    public string? Checkpoint { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var checkpoint = reader.CheckpointAsync(cancellationToken);
        if (ReadPeriod())
        {
            var disclosures = reader.DisclosuresAsync(cancellationToken);
            Answer(await reader.HostsAsync(Period, cancellationToken));
            Disclosures = await disclosures;
        }

        Checkpoint = await checkpoint;
    }
}
