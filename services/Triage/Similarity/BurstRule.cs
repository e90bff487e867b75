namespace SafetyReports.Triage.Similarity;

/// <summary>
/// A burst: at least <see cref="SimilarityOptions.BurstSize"/> near-duplicate reports about one model in the window, sent
/// from at least <see cref="SimilarityOptions.BurstDistinctClients"/> clients (a brigade, not one person resending). Reports
/// without a client hash (stored before Triage received them) count towards the size but not as clients.
/// </summary>
public static class BurstRule
{
    public static int DistinctClients(IEnumerable<Report> members) =>
        members.Select(m => m.ClientHash).Where(h => h is not null).Distinct(StringComparer.Ordinal).Count();

    public static bool IsBurst(IReadOnlyCollection<Report> members, SimilarityOptions options) =>
        members.Count >= options.BurstSize && DistinctClients(members) >= options.BurstDistinctClients;
}
