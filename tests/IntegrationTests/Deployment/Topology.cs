namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>
/// The topology table of docs/architecture.md ("Topology"): the one description of which service is built how,
/// listens where and waits for what, that the compose file and the manifests are held to.
/// </summary>
internal static class Topology
{
    public sealed record Row(string Service, string Project, int Port, string ComposeHostPort, IReadOnlyList<string> WaitsFor)
    {
        public bool InCompose => !ComposeHostPort.StartsWith("not ", StringComparison.Ordinal);

        /// <summary>The published port without its interface ("5101" from "127.0.0.1:5101").</summary>
        public string PublishedPort => ComposeHostPort.Split(':')[^1];

        public bool LoopbackOnly => ComposeHostPort.StartsWith("127.0.0.1:", StringComparison.Ordinal);
    }

    public static readonly IReadOnlyList<Row> Rows = Read();

    public static IEnumerable<Row> ComposeServices => Rows.Where(r => r.InCompose);

    public static Row Of(string service) =>
        Rows.SingleOrDefault(r => r.Service == service) ?? throw new InvalidOperationException($"docs/architecture.md's topology has no row '{service}'.");

    private static List<Row> Read()
    {
        var lines = File.ReadAllLines(RepositoryLayout.ArchitectureDoc);
        var start = Array.IndexOf(lines, "## Topology");
        if (start < 0)
        {
            throw new InvalidOperationException("docs/architecture.md has no '## Topology' section.");
        }

        var table = lines.Skip(start + 1)
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Replace("`", "", StringComparison.Ordinal).Trim()).ToArray())
            .ToList();
        var header = table[0];
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidOperationException($"The topology table has no column '{name}'.");
        var (service, project, port, hostPort, waitsFor) =
            (Column("service"), Column("SERVICE"), Column("PORT"), Column("compose host port"), Column("waits for (compose)"));

        return table.Skip(2) // the header and the |---| row
            .Select(cells => new Row(
                cells[service],
                cells[project],
                int.Parse(cells[port], System.Globalization.CultureInfo.InvariantCulture),
                cells[hostPort],
                cells[waitsFor] == "—" ? [] : cells[waitsFor].Split(',', StringSplitOptions.TrimEntries)))
            .ToList();
    }
}
