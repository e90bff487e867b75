namespace SafetyReports.Intake.Transparency;

public enum TransparencyResource
{
    Hosts,
    Models,
    Disclosures,
}

/// <summary>One request to Triage's transparency API; also the key its answer is cached under.</summary>
public sealed record TransparencyQuery(TransparencyResource Resource, string? From = null, string? To = null, string? Host = null, bool Csv = false)
{
    public static TransparencyQuery Hosts(string? from, string? to, bool csv = false) => new(TransparencyResource.Hosts, from, to, null, csv);

    public static TransparencyQuery Models(string host, string? from, string? to, bool csv = false) => new(TransparencyResource.Models, from, to, host, csv);

    public static readonly TransparencyQuery Disclosures = new(TransparencyResource.Disclosures);

    public string MediaType => Csv ? "text/csv" : "application/json";

    /// <summary>The path and query under Triage's base address, every value URL-encoded.</summary>
    public string PathAndQuery
    {
        get
        {
            var path = new StringBuilder("api/v1/transparency/").Append(Resource switch
            {
                TransparencyResource.Hosts => "hosts",
                TransparencyResource.Models => "models",
                _ => "disclosures",
            });
            var separator = '?';
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
            return path.ToString();
        }
    }
}
