namespace SafetyReports.Intake.Transparency;

public enum TransparencyResource
{
    Hosts,
    Models,
    Disclosures,
    LogCheckpoint,
    ReportLeaves,
    Errata,
    Advisories,
    Advisory,
}

/// <summary>One request to Triage's transparency API; also the key its answer is cached under.</summary>
public sealed record TransparencyQuery(TransparencyResource Resource, string? From = null, string? To = null, string? Host = null, bool Csv = false,
    Guid? Report = null, string? Item = null)
{
    public static TransparencyQuery Hosts(string? from, string? to, bool csv = false) => new(TransparencyResource.Hosts, from, to, null, csv);

    public static TransparencyQuery Models(string host, string? from, string? to, bool csv = false) => new(TransparencyResource.Models, from, to, host, csv);

    /// <summary>The errata of a period as CSV: of the hosts figures, or with <paramref name="host"/> of that host's models.</summary>
    public static TransparencyQuery Errata(string? host, string? from, string? to) => new(TransparencyResource.Errata, from, to, host, Csv: true);

    public static readonly TransparencyQuery Disclosures = new(TransparencyResource.Disclosures);

    /// <summary>The transparency log's latest signed checkpoint (text).</summary>
    public static readonly TransparencyQuery LogCheckpoint = new(TransparencyResource.LogCheckpoint);

    /// <summary>The transparency log's leaves of one report.</summary>
    public static TransparencyQuery ReportLeaves(Guid report) => new(TransparencyResource.ReportLeaves, Report: report);

    /// <summary>The published advisories, newest change first, from <paramref name="cursor"/> (an earlier page's <c>next</c>).</summary>
    public static TransparencyQuery Advisories(string? cursor) => new(TransparencyResource.Advisories, Item: cursor);

    /// <summary>One advisory as OSV JSON (its fullest form).</summary>
    public static TransparencyQuery Advisory(string id) => new(TransparencyResource.Advisory, Item: id);

    public string MediaType => Csv ? "text/csv" : Resource == TransparencyResource.LogCheckpoint ? "text/plain" : "application/json";

    /// <summary>The path and query under Triage's base address, every value URL-encoded.</summary>
    public string PathAndQuery
    {
        get
        {
            var path = Resource switch
            {
                TransparencyResource.Advisories => new StringBuilder("api/v1/advisories"),
                TransparencyResource.Advisory => new StringBuilder("api/v1/advisories/").Append(Uri.EscapeDataString(Item!)).Append("?format=osv"),
                _ => new StringBuilder("api/v1/transparency/"),
            };
            path.Append(Resource switch
            {
                TransparencyResource.Advisories or TransparencyResource.Advisory => "",
                TransparencyResource.Hosts => "hosts",
                TransparencyResource.Models => "models",
                TransparencyResource.LogCheckpoint => "log/checkpoint",
                TransparencyResource.ReportLeaves => "log/leaves",
                TransparencyResource.Errata => "errata",
                _ => "disclosures",
            });
            var separator = Resource == TransparencyResource.Advisory ? '&' : '?';
            void Add(string name, string? value)
            {
                if (value is not null)
                {
                    path.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                    separator = '&';
                }
            }

            Add("host", Host);
            Add("from", From);
            Add("to", To);
            Add("report", Report?.ToString("D"));
            Add("cursor", Resource == TransparencyResource.Advisories ? Item : null);
            return path.ToString();
        }
    }
}
