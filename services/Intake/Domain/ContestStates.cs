namespace SafetyReports.Intake.Domain;

/// <summary>Where a reporter's contest stands, in its wire spelling.</summary>
public static class ContestStates
{
    /// <summary>Sent to the maintainers, who have not decided yet.</summary>
    public const string Pending = "pending";

    /// <summary>The maintainers passed it on to the host.</summary>
    public const string Forwarded = "forwarded";

    /// <summary>The maintainers closed it, with a note to the reporter.</summary>
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Pending, Forwarded, Closed];
}
