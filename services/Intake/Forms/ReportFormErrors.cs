using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Intake.Forms;

/// <summary>
/// Turns the API validator's verdict into what a reporter reads. The validator stays the one judge
/// of what is acceptable; this class only says, from the value entered, why a field it named is
/// wrong, in the reporter's language, and which form slot an evidence error belongs to.
/// </summary>
public static class ReportFormErrors
{
    /// <summary>Form fields in page order: the error summary lists problems in the order a reporter meets them.</summary>
    private static readonly string[] PageOrder =
    [
        "model.url", "model.host", "model.id", "model.revision", "model.fileDigests", "category", "severity", "title", "description",
        "evidence", "reporter.name", "reporter.email", "contactAllowed", "notifyByEmail", "goodFaith",
    ];

    private static readonly Dictionary<string, int> Limits = new()
    {
        ["model.url"] = SubmissionLimits.MaxUrl,
        ["model.host"] = SubmissionLimits.MaxModelHost,
        ["model.id"] = SubmissionLimits.MaxModelId,
        ["model.revision"] = SubmissionLimits.MaxRevision,
        ["title"] = SubmissionLimits.MaxTitle,
        ["description"] = SubmissionLimits.MaxDescription,
        ["evidence.content"] = SubmissionLimits.MaxEvidenceContent,
        ["reporter.name"] = SubmissionLimits.MaxName,
        ["reporter.email"] = SubmissionLimits.MaxEmail,
    };

    /// <param name="validatorErrors">What <see cref="SubmissionValidator"/> said about <paramref name="submission"/>.</param>
    public static FormErrors Describe(
        IReadOnlyDictionary<string, string[]> validatorErrors, ReportForm form, FormSubmission submission, IStringLocalizer text,
        IStringLocalizer emailText)
    {
        var found = new List<(string Field, string Message)>();
        foreach (var (key, messages) in validatorErrors)
        {
            var field = ToFormField(key, submission.EvidenceSlots);
            found.Add((field, field == "notifyByEmail"
                ? emailText["Error_NotifyByEmail_NeedsEmail"]
                : Explain(field, form, messages.FirstOrDefault() ?? "", text)));
        }

        // A form-only rule: ticking "you may contact me" needs an address to contact.
        if (form.ContactAllowed && string.IsNullOrWhiteSpace(form.Reporter.Email) && !validatorErrors.ContainsKey("reporter.email"))
        {
            found.Add(("reporter.email", text["Error_ReporterEmail_NeededForContact"]));
        }

        if (submission.JsonBytes > SubmissionLimits.MaxBodyBytes)
        {
            found.Add(("evidence", text["Error_TooLarge", SubmissionLimits.MaxBodyBytes / 1024]));
        }

        var errors = new FormErrors();
        foreach (var (field, message) in found.OrderBy(e => Rank(e.Field)).DistinctBy(e => e.Field))
        {
            errors.Add(field, message);
        }

        return errors;
    }

    /// <summary><c>evidence[i]…</c> counts only the items sent; the form shows slots, some of them empty.</summary>
    public static string ToFormField(string key, IReadOnlyList<int> evidenceSlots)
    {
        if (key.StartsWith("model.fileDigests", StringComparison.Ordinal))
        {
            return "model.fileDigests";
        }

        if (!key.StartsWith("evidence[", StringComparison.Ordinal))
        {
            return key;
        }

        var close = key.IndexOf(']');
        if (close < 0 || !int.TryParse(key.AsSpan(9, close - 9), out var index) || index >= evidenceSlots.Count)
        {
            return "evidence";
        }

        var rest = key[(close + 1)..];
        return $"evidence[{evidenceSlots[index]}]{(rest.Length == 0 ? ".content" : rest)}";
    }

    private static string Explain(string field, ReportForm form, string fallback, IStringLocalizer text)
    {
        switch (field)
        {
            case "model":
                return text["Error_ModelHost_Required"];
            case "category":
                return text["Error_Category_Required"];
            case "severity":
                return text["Error_Severity_Unknown"];
            case "goodFaith":
                return text["Error_GoodFaith_Required"];
            case "evidence":
                return text["Error_Evidence_TooMany", SubmissionLimits.MaxEvidenceItems];
            case "model.fileDigests":
                return fallback == FileDigests.CountProblem
                    ? text["Error_ModelFileDigests_TooMany", FileDigests.MaxPerModel]
                    : text["Error_ModelFileDigests_Format"];
        }

        if (field.EndsWith(".kind", StringComparison.Ordinal))
        {
            return text["Error_EvidenceKind_Unknown"];
        }

        var (value, limitKey, labelKey) = field switch
        {
            "model.url" => (form.Model.Url, field, "ModelUrl"),
            "model.host" => (form.Model.Host, field, "ModelHost"),
            "model.id" => (form.Model.Id, field, "ModelId"),
            "model.revision" => (form.Model.Revision, field, "ModelRevision"),
            "title" => (form.Title, field, "Title"),
            "description" => (form.Description, field, "Description"),
            "reporter.name" => (form.Reporter.Name, field, "ReporterName"),
            "reporter.email" => (form.Reporter.Email, field, "ReporterEmail"),
            _ when field.StartsWith("evidence[", StringComparison.Ordinal) => (SlotContent(form, field), "evidence.content", "EvidenceContent"),
            _ => (null, "", ""),
        };
        if (labelKey.Length == 0)
        {
            return fallback;
        }

        if (string.IsNullOrWhiteSpace(value) || (TextRules.IsBlank(value) && fallback == "Required."))
        {
            return text[$"Error_{labelKey}_Required"];
        }

        var label = text[$"Label_{labelKey}"];
        if (Limits.TryGetValue(limitKey, out var max) && value.Trim().Length > max)
        {
            return text["Error_TooLong", label, max];
        }

        if (TextRules.HasForbiddenCharacters(value, multiline: true) || (labelKey is not ("Description" or "EvidenceContent") && value.IndexOfAny(['\r', '\n']) >= 0))
        {
            return text["Error_ForbiddenCharacters", label];
        }

        if (fallback is SubmissionValidator.InvisibleInIdentifier or SubmissionValidator.OnlyInvisible)
        {
            return text["Error_InvisibleCharacters", label];
        }

        return labelKey switch
        {
            "ModelUrl" => text["Error_ModelUrl_Invalid"],
            "ReporterEmail" => text["Error_ReporterEmail_Invalid"],
            _ => fallback,
        };
    }

    private static string? SlotContent(ReportForm form, string field)
    {
        var close = field.IndexOf(']');
        return int.TryParse(field.AsSpan(9, close - 9), out var slot) && slot < form.Evidence.Count ? form.Evidence[slot].Content : null;
    }

    private static int Rank(string field)
    {
        if (field.StartsWith("evidence", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']');
            var slot = close > 9 && int.TryParse(field.AsSpan(9, close - 9), out var s) ? s + 1 : 0;
            return Array.IndexOf(PageOrder, "evidence") * 1000 + slot * 2 + (field.EndsWith(".content", StringComparison.Ordinal) ? 1 : 0);
        }

        var index = Array.IndexOf(PageOrder, field);
        return (index < 0 ? PageOrder.Length : index) * 1000;
    }
}
