namespace SafetyReports.Notification.Domain;

/// <summary>Linking two models: the group they end in, and the groups merged into it.</summary>
public sealed record AliasLink(Guid Group, IReadOnlyList<Guid> Merged);

/// <summary>
/// How linking two models joins their alias groups: neither in one, a new group; one in a group, the other joins it; both, the
/// smaller group id stays (so two replicas linking the same models agree) and the other group moves into it.
/// </summary>
public static class AliasGroups
{
    /// <param name="groups">The groups the two models are in now (zero to two, repeats allowed).</param>
    public static AliasLink Link(IReadOnlyList<Guid> groups, Func<Guid> newGroup)
    {
        var distinct = groups.Distinct().Order().ToList();
        return distinct.Count == 0 ? new AliasLink(newGroup(), []) : new AliasLink(distinct[0], distinct.Skip(1).ToList());
    }
}
