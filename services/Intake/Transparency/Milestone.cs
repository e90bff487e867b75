namespace SafetyReports.Intake.Transparency;

/// <summary>The steps whose times are published, in the order a report passes them; the names are the page's query values.</summary>
public static class Milestone
{
    public const string Triage = "triage";
    public const string Notify = "notify";
    public const string Acknowledge = "acknowledge";
    public const string Respond = "respond";

    public static readonly IReadOnlyList<string> All = [Triage, Notify, Acknowledge, Respond];

    public static string OrDefault(string? name) => name is not null && All.Contains(name) ? name : Acknowledge;
}
