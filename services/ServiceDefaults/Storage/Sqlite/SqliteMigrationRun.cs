namespace SafetyReports.ServiceDefaults.Storage.Sqlite;

/// <summary>What one start did to a file's schema.</summary>
/// <param name="Found">Versions a file from before the journal already had, recorded without running them.</param>
/// <param name="Applied">Versions run now, in order.</param>
public sealed record SqliteMigrationRun(IReadOnlyList<int> Found, IReadOnlyList<int> Applied)
{
    public bool ChangedNothing => Found.Count == 0 && Applied.Count == 0;
}
