namespace SafetyReports.Intake.Forms;

/// <summary>
/// The report form as posted. Field names follow the JSON contract (<c>model.host</c>,
/// <c>evidence[0].content</c>, <c>reporter.email</c>), so the API validator's field keys name the
/// form's inputs too. Settable classes rather than records: the form binder fills them field by field.
/// </summary>
public sealed class ReportForm
{
    public const int DefaultEvidenceSlots = 3;

    /// <summary>The value of the button that asks for one more evidence slot without sending.</summary>
    public const string AddEvidenceCommand = "add-evidence";

    public ModelFields Model { get; set; } = new();

    public string? Category { get; set; }

    public string? Severity { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public List<EvidenceFields> Evidence { get; set; } = [];

    public ReporterFields Reporter { get; set; } = new();

    public bool ContactAllowed { get; set; }

    /// <summary>E-mails about the report to <see cref="ReporterFields.Email"/>, in the page's language.</summary>
    public bool NotifyByEmail { get; set; }

    public bool GoodFaith { get; set; }

    /// <summary><c>{challenge}:{nonce}</c>, filled in by the form's script; empty without JavaScript.</summary>
    public string? Proof { get; set; }

    public string? Command { get; set; }

    /// <summary>Pads the evidence list to the slots the page shows (at least three, each with a sensible kind).</summary>
    public void EnsureEvidenceSlots(int atLeast = DefaultEvidenceSlots)
    {
        var wanted = Math.Clamp(Math.Max(atLeast, Evidence.Count), 1, Domain.SubmissionLimits.MaxEvidenceItems);
        if (Evidence.Count > wanted)
        {
            Evidence.RemoveRange(wanted, Evidence.Count - wanted);
        }

        while (Evidence.Count < wanted)
        {
            Evidence.Add(new EvidenceFields { Kind = DefaultKind(Evidence.Count) });
        }
    }

    public void AddEvidenceSlot() => EnsureEvidenceSlots(Evidence.Count + 1);

    /// <summary>First slot a prompt, then the output, then a URL: the usual order of a report.</summary>
    public static string DefaultKind(int slot) => slot < EvidenceKinds.All.Count - 1 ? EvidenceKinds.All[slot] : "other";

    /// <summary>
    /// The API request this form stands for. A recognised model-page address fills in host, id and
    /// revision the reporter left empty; evidence slots without content are left out.
    /// </summary>
    public FormSubmission ToSubmission()
    {
        var url = NormalizeUrl(Model.Url);
        string? host = Blank(Model.Host), id = Blank(Model.Id), revision = Blank(Model.Revision);
        if (url is not null && ModelPageUrl.TryParse(url, out var page))
        {
            url = page.Url;
            if (host is null || string.Equals(host, page.Host, StringComparison.OrdinalIgnoreCase))
            {
                host ??= page.Host;
                if (id is null)
                {
                    id = page.Id;
                    revision ??= page.Revision;
                }
            }
        }

        var evidence = new List<EvidenceInput?>();
        var slots = new List<int>();
        for (var slot = 0; slot < Evidence.Count; slot++)
        {
            var item = Evidence[slot];
            if (item is null || string.IsNullOrWhiteSpace(item.Content))
            {
                continue;
            }

            evidence.Add(new EvidenceInput(item.Kind, Lines(item.Content)));
            slots.Add(slot);
        }

        var name = Blank(Reporter.Name);
        var email = Blank(Reporter.Email);
        var request = new ReportSubmissionRequest(
            new ModelInput(host, id, revision, url, Model.FileDigests is null ? null : [.. FileDigests.Lines(Model.FileDigests)]),
            Blank(Category),
            Blank(Severity),
            Title?.Trim(),
            Lines(Description),
            evidence,
            name is null && email is null ? null : new ReporterInput(name, email),
            ContactAllowed,
            GoodFaith,
            NotifyByEmail ? true : null);
        var json = JsonSerializer.SerializeToUtf8Bytes(request, JsonOptions);
        return new FormSubmission(request, slots, Convert.ToHexStringLower(SHA256.HashData(json)), json.Length);
    }

    // Relaxed escaping: the size should be what a client's UTF-8 JSON body would be, not inflated by \u escapes.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Browsers post a textarea's line breaks as CRLF but count them as one character for maxlength.
    private static string? Lines(string? value) => value?.Replace("\r\n", "\n", StringComparison.Ordinal);

    // A pasted "huggingface.co/org/name" has no scheme; the contract wants an absolute URL.
    private static string? NormalizeUrl(string? value)
    {
        var url = Blank(value);
        if (url is null || url.Contains("://", StringComparison.Ordinal))
        {
            return url;
        }

        return Uri.TryCreate("https://" + url, UriKind.Absolute, out var uri) && uri.Host.Contains('.') ? uri.AbsoluteUri : url;
    }
}

public sealed class ModelFields
{
    public string? Url { get; set; }

    public string? Host { get; set; }

    public string? Id { get; set; }

    public string? Revision { get; set; }

    /// <summary>The model's file digests, one a line (<c>model.fileDigests</c>).</summary>
    public string? FileDigests { get; set; }
}

public sealed class EvidenceFields
{
    public string? Kind { get; set; }

    public string? Content { get; set; }
}

public sealed class ReporterFields
{
    public string? Name { get; set; }

    public string? Email { get; set; }
}

/// <param name="EvidenceSlots">For each evidence item of <paramref name="Request"/>, the form slot it came from.</param>
/// <param name="RequestHash">SHA-256 of the request as JSON, as the API hashes its body.</param>
/// <param name="JsonBytes">The size the request would have as an API body: the form keeps the API's body limit.</param>
public sealed record FormSubmission(ReportSubmissionRequest Request, IReadOnlyList<int> EvidenceSlots, string RequestHash, int JsonBytes);
