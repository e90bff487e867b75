using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.Triage.Disclosure;

public sealed class DisclosureOptionsValidator : OptionsValidator<DisclosureOptions>
{
    protected override IEnumerable<string> Failures(DisclosureOptions options)
    {
        if (!options.IsValid())
        {
            yield return $"{DisclosureOptions.Section}: After positive (or unset: off), ReminderBefore from zero to below After, CheckInterval positive, BatchSize 1–10,000.";
        }
    }
}
