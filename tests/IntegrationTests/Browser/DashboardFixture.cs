namespace SafetyReports.IntegrationTests.Browser;

/// <summary>The portal's system with a one-second triage SLA for critical reports, so a test can make an SLA breach.</summary>
public sealed class DashboardFixture : PortalFixture
{
    protected override Dictionary<string, string> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["SafetyReports:Triage:Sla:Critical"] = "00:00:01";
            return settings;
        }
    }
}
