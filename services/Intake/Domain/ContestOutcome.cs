namespace SafetyReports.Intake.Domain;

public enum ContestOutcome
{
    Accepted,
    NotFound,

    /// <summary>The host has not responded: there is nothing to contest.</summary>
    NoHostResponse,

    /// <summary>The reporter already contested this revision of the host's response.</summary>
    AlreadyContested,
}
