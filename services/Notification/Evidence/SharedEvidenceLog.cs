namespace SafetyReports.Notification.Evidence;

internal static partial class SharedEvidenceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A host's download of shared file {FileId} of report {ReportId} could not be served")]
    public static partial void Failed(ILogger logger, Exception exception, Guid reportId, Guid fileId);
}
