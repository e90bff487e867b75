namespace SafetyReports.ServiceDefaults.Hosting;

public static class SafetyReportsMetrics
{
    public const string MeterName = "SafetyReports";
}
