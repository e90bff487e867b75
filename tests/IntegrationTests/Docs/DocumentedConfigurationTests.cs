namespace SafetyReports.IntegrationTests.Docs;

/// <summary>
/// Every key an options class binds is a row of docs/configuration.md (the key in full as a code span in the first cell), whose
/// default cell holds the code's default as a code span and whose "read by" cell names the service that reads it.
/// </summary>
public sealed class DocumentedConfigurationTests
{
    public const string Reference = "docs/configuration.md";

    [Fact]
    public void Every_bound_key_is_documented_with_the_default_the_code_has()
    {
        var rows = DocumentedRows();
        var keys = BoundConfigurationKey.All();
        Assert.NotEmpty(keys);

        var faults = new List<string>();
        foreach (var key in keys)
        {
            if (!rows.TryGetValue(key.Key, out var row))
            {
                faults.Add($"{key.Key}: missing (default {key.Default ?? "none"}, read by {key.Service})");
                continue;
            }

            if (key.Default is { } expected && !MarkdownDocument.CodeSpansOf(row.Default).Contains(expected))
            {
                faults.Add($"{key.Key}: the code's default is `{expected}`, the table says \"{row.Default}\"");
            }

            if (key.Service != "ServiceDefaults" && !row.ReadBy.Contains(key.Service, StringComparison.Ordinal))
            {
                faults.Add($"{key.Key}: read by {key.Service}, the table says \"{row.ReadBy}\"");
            }
        }

        Assert.True(faults.Count == 0, $"{Reference} disagrees with the options classes:\n" + string.Join('\n', faults));
    }

    [Fact]
    public void The_readme_links_the_configuration_reference()
    {
        Assert.Contains("(docs/configuration.md)", MarkdownDocument.Load("README.md").Text, StringComparison.Ordinal);
    }

    private sealed record Row(string Default, string ReadBy);

    /// <summary>The rows of the tables whose header is <c>key | meaning | default | read by</c>, by each key of their first cell.</summary>
    private static Dictionary<string, Row> DocumentedRows()
    {
        var rows = new Dictionary<string, Row>();
        int? defaultColumn = null, readByColumn = null;
        foreach (var cells in MarkdownDocument.Load(Reference).TableRows())
        {
            if (cells.Count > 0 && cells[0] == "key")
            {
                defaultColumn = IndexOf(cells, "default");
                readByColumn = IndexOf(cells, "read by");
                continue;
            }

            if (defaultColumn is not { } d || readByColumn is not { } r || cells.Count <= Math.Max(d, r))
            {
                continue;
            }

            foreach (var key in MarkdownDocument.CodeSpansOf(cells[0]))
            {
                rows[key] = new Row(cells[d], cells[r]);
            }
        }

        return rows;
    }

    private static int? IndexOf(IReadOnlyList<string> cells, string header) =>
        cells.Select((c, i) => (c, i)).Where(x => x.c == header).Select(x => (int?)x.i).FirstOrDefault();
}
