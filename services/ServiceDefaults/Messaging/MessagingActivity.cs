using System.Diagnostics;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Background loops publish long after the request that caused the message has ended. They resume
/// its trace from the stored W3C trace context, so one trace follows a report across the bus.
/// </summary>
public static class MessagingActivity
{
    public const string SourceName = "SafetyReports.Messaging";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string name, string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, ActivityKind.Producer, parent)
            : Source.StartActivity(name, ActivityKind.Producer);
}
