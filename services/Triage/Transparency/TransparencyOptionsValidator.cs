namespace SafetyReports.Triage.Transparency;

public sealed class TransparencyOptionsValidator() : OneRuleOptionsValidator<TransparencyOptions>(o => o.IsValid(),
    $"{TransparencyOptions.Section}: SuppressionThreshold 1–1,000, AcknowledgementSla positive, DefaultMonths at least 1 and at most MaxMonths, SealAfter not negative, SealCheckInterval positive.");
