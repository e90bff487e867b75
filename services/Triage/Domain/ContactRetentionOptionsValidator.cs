namespace SafetyReports.Triage.Domain;

public sealed class ContactRetentionOptionsValidator() : OneRuleOptionsValidator<ContactRetentionOptions>(o => o.IsValid(),
    $"{ContactRetentionOptions.Section}: ContactRetention and ContactPurgeInterval must be positive, ContactPurgeBatchSize 1–10,000.");
