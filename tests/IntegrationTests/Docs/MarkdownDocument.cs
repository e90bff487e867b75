using System.Text.RegularExpressions;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Docs;

/// <summary>
/// A Markdown file of the repository, read the way its checks need it: inline code spans outside fenced blocks,
/// table rows, and the fenced block a <c>&lt;!-- sample: id --&gt;</c> comment marks.
/// </summary>
public sealed partial class MarkdownDocument(string relativePath, string text)
{
    public string RelativePath { get; } = relativePath;

    public string Text { get; } = text;

    public static MarkdownDocument Load(string relativePath) =>
        new(relativePath, File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)).ReplaceLineEndings("\n"));

    /// <summary>The text with every fenced code block removed.</summary>
    public string Prose => FencedBlock().Replace(Text, "");

    /// <summary>Every inline code span of the prose (tables and headings included), without its backticks.</summary>
    public IEnumerable<string> CodeSpans() => CodeSpan().Matches(Prose).Select(m => m.Groups[1].Value);

    /// <summary>Every row of every table, as its cells (the separator rows left out).</summary>
    public IEnumerable<IReadOnlyList<string>> TableRows() =>
        Prose.Split('\n')
            .Where(line => line.TrimStart().StartsWith('|'))
            .Select(Cells)
            .Where(cells => !cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')));

    /// <summary>The inline code spans of one cell.</summary>
    public static IReadOnlyList<string> CodeSpansOf(string cell) => CodeSpan().Matches(cell).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The content of the fenced block right after <c>&lt;!-- sample: {id} --&gt;</c>, with a trailing newline.</summary>
    public string Sample(string id)
    {
        var match = Regex.Match(Text, $@"<!-- sample: {Regex.Escape(id)} -->\n```[^\n]*\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline);
        return match.Success
            ? match.Groups["code"].Value
            : throw new InvalidOperationException($"{RelativePath} has no fenced block marked <!-- sample: {id} -->.");
    }

    /// <summary>Splits a table row at its unescaped pipes, as GitHub does (a pipe in a cell, even in code, is written <c>\|</c>).</summary>
    private static IReadOnlyList<string> Cells(string line) =>
        CellSeparator().Split(line.Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"^```.*?^```[^\n]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex CodeSpan();
}
