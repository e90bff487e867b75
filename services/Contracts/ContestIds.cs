namespace SafetyReports.Contracts;

/// <summary>A contest's id: one per report, host and response revision, the same in every service that derives it.</summary>
public static class ContestIds
{
    public static Guid For(Guid reportId, string hostId, int responseRevision) =>
        DeterministicId.From($"{reportId:N}/contest/{hostId}/{responseRevision}");
}
