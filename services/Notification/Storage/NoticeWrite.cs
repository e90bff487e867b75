namespace SafetyReports.Notification.Storage;

/// <summary>What saving a notice did.</summary>
public enum NoticeWrite
{
    /// <summary>The store keeps the same or a newer revision: nothing was written.</summary>
    Ignored,

    /// <summary>The report's first notice.</summary>
    Stored,

    /// <summary>An older notice was replaced (and, on SQLite, removed from the files).</summary>
    Replaced,
}
