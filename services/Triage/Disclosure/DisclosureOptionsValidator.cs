namespace SafetyReports.Triage.Disclosure;

public sealed class DisclosureOptionsValidator() : OneRuleOptionsValidator<DisclosureOptions>(o => o.IsValid(),
    $"{DisclosureOptions.Section}: After positive (or unset: off), ReminderBefore from zero to below After, CheckInterval positive, BatchSize 1–10,000.");
