using System.Net.Mail;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Intake.Domain;

/// <summary>
/// Checks a submission against the contract and names every field that is wrong. Text rules (see
/// docs/intake.md): no control or direction characters and no unpaired surrogates anywhere; identifiers
/// (model host, id, revision, URL, e-mail) also refuse <see cref="InvisibleCharacters"/>, which free text
/// keeps; a required field a reader would see as empty (only spaces and invisible characters) is missing.
/// </summary>
public static class SubmissionValidator
{
    public const string BrokenCharacter = "Contains a broken character (an unpaired UTF-16 surrogate).";
    public const string ForbiddenCharacters = "Contains control or text-direction characters.";
    public const string InvisibleInIdentifier = "Contains invisible characters (zero-width, joiner, byte-order mark, soft hyphen or tag), which make look-alike names.";
    public const string OnlyInvisible = "Contains only invisible characters.";

    public static Dictionary<string, string[]> Validate(ReportSubmissionRequest request)
    {
        var errors = new Dictionary<string, string[]>();

        void Text(string field, string? value, int max, bool required, bool multiline = false, bool identifier = false)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    errors[field] = ["Required."];
                }

                return;
            }

            if (TextProblem(value, max, multiline, identifier, required) is { } problem)
            {
                errors[field] = [problem];
            }
        }

        if (request.Model is null)
        {
            errors["model"] = ["Required: the host and id of the model."];
        }
        else
        {
            Text("model.host", request.Model.Host, SubmissionLimits.MaxModelHost, required: true, identifier: true);
            Text("model.id", request.Model.Id, SubmissionLimits.MaxModelId, required: true, identifier: true);
            Text("model.revision", request.Model.Revision, SubmissionLimits.MaxRevision, required: false, identifier: true);
            Text("model.url", request.Model.Url, SubmissionLimits.MaxUrl, required: false, identifier: true);
            if (!string.IsNullOrWhiteSpace(request.Model.Url) && !errors.ContainsKey("model.url") && !IsHttpUrl(request.Model.Url))
            {
                errors["model.url"] = ["Must be an absolute http or https URL."];
            }

            foreach (var (field, problems) in FileDigests.Check(request.Model.FileDigests, "model.fileDigests").Errors)
            {
                errors[field] = problems;
            }
        }

        if (string.IsNullOrWhiteSpace(request.Category))
        {
            errors["category"] = ["Required; see GET /api/v1/taxonomy."];
        }
        else if (!HazardTaxonomy.IsKnown(request.Category))
        {
            errors["category"] = ["Unknown category; see GET /api/v1/taxonomy."];
        }

        if (request.Severity is not null && !Severities.IsKnown(request.Severity))
        {
            errors["severity"] = [$"One of: {string.Join(", ", Severities.All)}."];
        }

        Text("title", request.Title, SubmissionLimits.MaxTitle, required: true);
        Text("description", request.Description, SubmissionLimits.MaxDescription, required: true, multiline: true);
        ValidateEvidence(request.Evidence, errors);

        if (request.Reporter is not null)
        {
            Text("reporter.name", request.Reporter.Name, SubmissionLimits.MaxName, required: false);
            Text("reporter.email", request.Reporter.Email, SubmissionLimits.MaxEmail, required: false, identifier: true);
            if (!string.IsNullOrWhiteSpace(request.Reporter.Email) && !errors.ContainsKey("reporter.email") && !IsEmail(request.Reporter.Email))
            {
                errors["reporter.email"] = ["Not an e-mail address."];
            }
        }

        if (request.NotifyByEmail == true && (string.IsNullOrWhiteSpace(request.Reporter?.Email) || errors.ContainsKey("reporter.email")))
        {
            errors["notifyByEmail"] = ["E-mail notifications need a valid reporter.email: the address they go to."];
        }

        if (request.Language is not null && SupportedLanguages.Match(request.Language) is null)
        {
            errors["language"] = [$"One of: {string.Join(", ", SupportedLanguages.Tags)} (or a tag that falls under one, such as fr-CA)."];
        }

        if (request.GoodFaith != true)
        {
            errors["goodFaith"] = ["You must state that the report is accurate to the best of your knowledge."];
        }

        return errors;
    }

    private static void ValidateEvidence(List<EvidenceInput?>? evidence, Dictionary<string, string[]> errors)
    {
        if (evidence is null)
        {
            return;
        }

        if (evidence.Count > SubmissionLimits.MaxEvidenceItems)
        {
            errors["evidence"] = [$"At most {SubmissionLimits.MaxEvidenceItems} items."];
            return;
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            var item = evidence[i];
            if (item is null)
            {
                errors[$"evidence[{i}]"] = ["Required."];
                continue;
            }

            if (!EvidenceKinds.IsKnown(item.Kind))
            {
                errors[$"evidence[{i}].kind"] = [$"One of: {string.Join(", ", EvidenceKinds.All)}."];
            }

            if (string.IsNullOrWhiteSpace(item.Content))
            {
                errors[$"evidence[{i}].content"] = ["Required."];
            }
            else if (TextProblem(item.Content, SubmissionLimits.MaxEvidenceContent, multiline: true, identifier: false, required: true) is { } problem)
            {
                errors[$"evidence[{i}].content"] = [problem];
            }
        }
    }

    /// <returns>Why a non-empty text value is refused, or null when it is acceptable.</returns>
    public static string? TextProblem(string value, int max, bool multiline, bool identifier, bool required)
    {
        if (value.Length > max)
        {
            return $"At most {max} characters.";
        }

        if (TextRules.HasLoneSurrogate(value))
        {
            return BrokenCharacter;
        }

        if (TextRules.HasForbiddenCharacters(value, multiline))
        {
            return ForbiddenCharacters;
        }

        if (identifier && InvisibleCharacters.Contains(value))
        {
            return InvisibleInIdentifier;
        }

        return TextRules.IsBlank(value) ? (required ? "Required." : OnlyInvisible) : null;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value.Trim() && value.Contains('@');
}
