namespace SafetyReports.Triage.Advisories;

/// <summary>What a store settles when it saves an advisory, inside its write transaction.</summary>
public static class AdvisoryStamp
{
    /// <summary>
    /// The advisory with its id and a modification time strictly after every stored one (<paramref name="lastModified"/>):
    /// a clock that stepped back, or two saves in the same millisecond, still give the change feed one order.
    /// </summary>
    public static Advisory Apply(Advisory advisory, string id, DateTimeOffset? lastModified)
    {
        var modified = lastModified is { } last && advisory.Modified <= last ? last.AddMilliseconds(1) : advisory.Modified;
        modified = DateTimeOffset.FromUnixTimeMilliseconds(modified.ToUnixTimeMilliseconds());
        var history = advisory.History.ToList();
        if (history.Count > 0)
        {
            history[^1] = history[^1] with { Modified = modified };
        }

        return advisory with
        {
            Id = id,
            Modified = modified,
            Published = advisory.Revision == 1 ? modified : advisory.Published,
            Withdrawn = advisory.Withdrawn is null ? null : modified,
            History = history,
        };
    }
}
