namespace SafetyReports.Notification.Storage;

/// <param name="First">True when this call recorded the acknowledgement; false when it was already recorded.</param>
public sealed record AcknowledgeResult(DateTimeOffset AcknowledgedAt, bool First);
