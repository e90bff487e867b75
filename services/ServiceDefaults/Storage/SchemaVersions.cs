namespace SafetyReports.ServiceDefaults.Storage;

/// <summary>The rules every store's migrations keep, whatever the database: versions 1, 2, 3… in order, and no start on data a newer release upgraded.</summary>
public static class SchemaVersions
{
    /// <summary>Throws unless <paramref name="steps"/> (version, name) run 1, 2, 3… in order, at least one.</summary>
    public static void CheckOrder(IReadOnlyList<(int Version, string Name)> steps, string parameterName)
    {
        if (steps.Count == 0)
        {
            throw new ArgumentException("A store has at least its first migration.", parameterName);
        }

        foreach (var ((version, name), index) in steps.Select((s, i) => (s, i)))
        {
            if (version != index + 1)
            {
                throw new ArgumentException($"Migration '{name}' has version {version} at position {index + 1}: versions run 1, 2, 3… in order.", parameterName);
            }
        }
    }

    /// <summary>
    /// Throws when the data records versions beyond the last step this code knows: a newer release upgraded it, and this code cannot
    /// know what those steps changed.
    /// </summary>
    public static void RefuseNewer(string data, IEnumerable<int> recorded, IReadOnlyList<(int Version, string Name)> steps)
    {
        var unknown = recorded.Where(v => v > steps.Count).Order().ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database {data} has schema version {unknown[^1]}, newer than this release knows (up to {steps.Count}, '{steps[^1].Name}'): "
                + $"it was upgraded by a newer release (versions {string.Join(", ", unknown)}). Run that release, or restore the backup taken before the upgrade.");
        }
    }
}
