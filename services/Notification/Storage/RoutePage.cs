namespace SafetyReports.Notification.Storage;

public sealed record RoutePage(IReadOnlyList<ReportRoute> Items, RouteCursor? Next);
