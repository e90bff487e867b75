namespace SafetyReports.Intake.Domain;

public enum ReplyOutcome
{
    Accepted,
    NotFound,
    NotAwaitingInformation,
}
