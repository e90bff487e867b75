namespace SafetyReports.Triage.Similarity;

public sealed class SimilarityOptionsValidator() : OneRuleOptionsValidator<SimilarityOptions>(o => o.IsValid(),
    $"{SimilarityOptions.Section}: Window positive and at most 31 days, Threshold above 0 and at most 1, BurstSize 2–10,000, BurstDistinctClients 1–BurstSize.");
