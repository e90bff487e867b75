using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SafetyReports.IntegrationTests.Deployment;

/// <summary>Reading YAML files as node trees, with anchors and merge keys resolved.</summary>
internal static class YamlNavigation
{
    /// <summary>Every non-empty document of a (possibly multi-document) YAML file.</summary>
    public static IReadOnlyList<YamlMappingNode> LoadDocuments(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents
            .Select(d => d.RootNode)
            .OfType<YamlMappingNode>()
            .ToList();
    }

    /// <summary>One YAML document given as text, e.g. a tool's output.</summary>
    public static YamlMappingNode LoadText(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(yaml))));
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    public static YamlMappingNode LoadSingleDocument(string path)
    {
        var documents = LoadDocuments(path);
        Assert.True(documents.Count == 1, $"{path} should hold one YAML document, not {documents.Count}.");
        return documents[0];
    }

    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>The node at a dotted path such as <c>spec.template.spec</c>, or null.</summary>
    public static YamlNode? At(this YamlNode? node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => current.Child(key));

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static string? TextAt(this YamlNode? node, string path) => node.At(path).Text();

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    public static IReadOnlyList<string> Texts(this YamlNode? node) =>
        node.Items().Select(i => i.Text()).OfType<string>().ToList();

    public static IReadOnlyDictionary<string, YamlNode> Entries(this YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Where(c => c.Key is YamlScalarNode { Value: not null })
                .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => c.Value)
            : new Dictionary<string, YamlNode>();

    /// <summary>A command given as a list or as one string, flattened to one line for searching.</summary>
    public static string CommandLine(this YamlNode? node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlSequenceNode sequence => string.Join(' ', sequence.Children.Select(c => c.Text())),
        _ => "",
    };

    /// <summary>The node and every node below it, depth first: for checks that look anywhere in a tree.</summary>
    public static IEnumerable<YamlNode> Descendants(this YamlNode node)
    {
        yield return node;
        IEnumerable<YamlNode> children = node switch
        {
            YamlMappingNode mapping => mapping.Children.Values,
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in child.Descendants())
            {
                yield return descendant;
            }
        }
    }
}
