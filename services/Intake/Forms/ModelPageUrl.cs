namespace SafetyReports.Intake.Forms;

/// <summary>A model as named by the address of its page on a known hub.</summary>
/// <param name="Host">The host slug used in reports (<c>huggingface</c>, <c>github</c>, …).</param>
/// <param name="Url">The address, normalised to an absolute https URL without query or fragment noise.</param>
public sealed record ModelPageReference(string Host, string Id, string? Revision, string Url);

/// <summary>
/// Reads host, id and revision out of a pasted model-page address, so a reporter does not have to
/// know how each hub names its models. Only the hubs listed in <see cref="KnownHosts"/> are read;
/// anything else is left to the reporter to enter as host + id. The form's script
/// (Assets/intake.js, <c>parseModelUrl</c>) follows the same rules and a browser test keeps the two
/// in step.
/// </summary>
public static class ModelPageUrl
{
    /// <summary>The host slugs this parser produces, in the order the form suggests them.</summary>
    public static readonly IReadOnlyList<string> KnownHosts = ["huggingface", "github", "civitai", "ollama", "modelscope", "kaggle"];

    // First path segments that are site pages rather than an owner's name.
    private static readonly HashSet<string> HuggingFaceReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "blog", "chat", "collections", "datasets", "docs", "enterprise", "join", "learn", "login",
        "models", "new", "notifications", "organizations", "papers", "posts", "pricing", "settings", "spaces", "tasks",
    };

    private static readonly HashSet<string> GitHubReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "apps", "collections", "enterprise", "explore", "features", "login", "marketplace", "new",
        "notifications", "orgs", "organizations", "pricing", "pulls", "issues", "search", "settings", "sponsors", "topics",
    };

    private static readonly HashSet<string> OllamaReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "blog", "download", "models", "pricing", "public", "search", "settings", "signin", "signup",
    };

    /// <summary>
    /// Recognises <c>huggingface.co/org/name</c> (also <c>hf.co</c>; <c>/tree/rev</c>, <c>/blob/rev/…</c>,
    /// <c>/resolve/rev/…</c>, <c>/commit/rev</c> give the revision), <c>civitai.com/models/123/slug</c>
    /// (<c>?modelVersionId=</c> is the revision), <c>ollama.com/library/name[:tag]</c> and
    /// <c>ollama.com/user/name[:tag]</c>, <c>github.com/org/repo</c> (<c>/tree/rev</c>, <c>/blob/rev/…</c>,
    /// <c>/releases/tag/rev</c>), <c>modelscope.cn/models/org/name</c> and
    /// <c>kaggle.com/models/org/name[/framework/variation/version]</c>. The scheme may be left out.
    /// </summary>
    public static bool TryParse(string? text, out ModelPageReference reference)
    {
        reference = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > Domain.SubmissionLimits.MaxUrl)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "https://" + trimmed;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
        {
            return false;
        }

        var site = uri.Host.ToLowerInvariant();
        if (site.StartsWith("www.", StringComparison.Ordinal))
        {
            site = site[4..];
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var parsed = site switch
        {
            "huggingface.co" or "hf.co" => HuggingFace(segments),
            "github.com" => GitHub(segments),
            "civitai.com" => Civitai(segments, uri.Query),
            "ollama.com" => Ollama(segments),
            "modelscope.cn" => ModelScope(segments),
            "kaggle.com" => Kaggle(segments),
            _ => null,
        };
        if (parsed is not { } p || !p.Id.Split('/').All(IsNamePart))
        {
            return false;
        }

        reference = new ModelPageReference(p.Host, p.Id, p.Revision, uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + RevisionQuery(p.Host, uri.Query));
        return true;
    }

    private sealed record Parsed(string Host, string Id, string? Revision);

    private static Parsed? HuggingFace(string[] s)
    {
        if (s.Length < 2 || HuggingFaceReserved.Contains(s[0]))
        {
            return null;
        }

        string? revision = s.Length >= 4 && s[2] is "tree" or "blob" or "resolve" or "commit" ? s[3] : null;
        return new Parsed("huggingface", $"{s[0]}/{s[1]}", revision);
    }

    private static Parsed? GitHub(string[] s)
    {
        if (s.Length < 2 || GitHubReserved.Contains(s[0]))
        {
            return null;
        }

        var repo = s[1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? s[1][..^4] : s[1];
        string? revision = s.Length >= 4 && s[2] is "tree" or "blob" or "commit" ? s[3]
            : s.Length >= 5 && s[2] == "releases" && s[3] == "tag" ? s[4]
            : null;
        return new Parsed("github", $"{s[0]}/{repo}", revision);
    }

    private static Parsed? Civitai(string[] s, string query)
    {
        if (s.Length < 2 || s[0] != "models" || !s[1].All(char.IsAsciiDigit))
        {
            return null;
        }

        var version = QueryValue(query, "modelVersionId");
        return new Parsed("civitai", s[1], version is not null && version.All(char.IsAsciiDigit) && version.Length > 0 ? version : null);
    }

    private static Parsed? Ollama(string[] s)
    {
        if (s.Length < 2 || OllamaReserved.Contains(s[0]))
        {
            return null;
        }

        // ollama.com/library/llama3:8b is the official "llama3" at tag "8b"; /user/name is a user's model.
        var (name, tag) = SplitTag(s[1]);
        var id = s[0] == "library" ? name : $"{s[0]}/{name}";
        return new Parsed("ollama", id, tag);
    }

    private static Parsed? ModelScope(string[] s) =>
        s.Length >= 3 && s[0] == "models" ? new Parsed("modelscope", $"{s[1]}/{s[2]}", null) : null;

    private static Parsed? Kaggle(string[] s)
    {
        if (s.Length < 3 || s[0] != "models")
        {
            return null;
        }

        // kaggle.com/models/google/gemma/transformers/2b/1: framework, variation and version pin one build.
        var revision = s.Length > 3 ? string.Join('/', s[3..]) : null;
        return new Parsed("kaggle", $"{s[1]}/{s[2]}", revision);
    }

    private static (string Name, string? Tag) SplitTag(string segment)
    {
        var colon = segment.IndexOf(':');
        return colon > 0 && colon < segment.Length - 1 ? (segment[..colon], segment[(colon + 1)..]) : (segment.TrimEnd(':'), null);
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq] == name)
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return null;
    }

    // Civitai pins a version only through the query string: keep it in the stored address.
    private static string RevisionQuery(string host, string query) =>
        host == "civitai" && QueryValue(query, "modelVersionId") is { Length: > 0 } v && v.All(char.IsAsciiDigit) ? $"?modelVersionId={v}" : "";

    private static bool IsNamePart(string part) =>
        part.Length is > 0 and <= 100 && part != "." && part != ".." && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
