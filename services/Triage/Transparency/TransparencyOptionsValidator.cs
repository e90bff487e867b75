using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.Triage.Transparency;

public sealed class TransparencyOptionsValidator : OptionsValidator<TransparencyOptions>
{
    protected override IEnumerable<string> Failures(TransparencyOptions options)
    {
        if (!options.IsValid())
        {
            yield return $"{TransparencyOptions.Section}: SuppressionThreshold 1–1,000, AcknowledgementSla positive, DefaultMonths at least 1 and at most MaxMonths.";
        }
    }
}
