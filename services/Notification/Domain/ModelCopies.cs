namespace SafetyReports.Notification.Domain;

/// <summary>A host serving a copy of a reported model: which of its models, how it was found, and the digests it shares with the report.</summary>
public sealed record ModelCopy(string HostId, string ModelId, string Via, IReadOnlyList<string> SharedDigests);

/// <summary>
/// Where else a reported model is served: the hosts, other than the report's own, with a model whose manifest shares a
/// file digest with the report or that the maintainers linked to the reported model as an alias. A report reaches each
/// host once, so each host gets one copy: the model sharing the most digests (a digest is evidence of the very same
/// file), else an alias; ties go to the smaller model id, so every replica picks the same.
/// </summary>
public static class ModelCopies
{
    public static IReadOnlyList<ModelCopy> Find(ModelReference reported, IReadOnlyList<ModelFileMatch> digestMatches, IReadOnlyList<ModelKey> aliases)
    {
        var byDigest = digestMatches
            .Where(m => m.HostId != reported.Host)
            .GroupBy(m => new ModelKey(m.HostId, m.ModelId))
            .Select(g => new ModelCopy(g.Key.HostId, g.Key.ModelId, RouteVia.Digest, g.Select(m => m.Digest).Distinct().Order(StringComparer.Ordinal).ToList()));
        var byAlias = aliases
            .Where(a => a.HostId != reported.Host)
            .Select(a => new ModelCopy(a.HostId, a.ModelId, RouteVia.Alias, []));
        return byDigest.Concat(byAlias)
            .GroupBy(c => c.HostId)
            .Select(host => host
                .OrderByDescending(c => c.SharedDigests.Count)
                .ThenBy(c => c.ModelId, StringComparer.Ordinal)
                .First())
            .OrderBy(c => c.HostId, StringComparer.Ordinal)
            .ToList();
    }
}
