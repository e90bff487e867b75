using SafetyReports.ServiceDefaults.Hosting;

namespace SafetyReports.Triage.Domain;

public sealed class ContactRetentionOptionsValidator : OptionsValidator<ContactRetentionOptions>
{
    protected override IEnumerable<string> Failures(ContactRetentionOptions options)
    {
        if (!options.IsValid())
        {
            yield return $"{ContactRetentionOptions.Section}: ContactRetention and ContactPurgeInterval must be positive, ContactPurgeBatchSize 1–10,000.";
        }
    }
}
