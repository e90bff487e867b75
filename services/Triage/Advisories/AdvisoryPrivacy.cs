using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SafetyReports.Triage.Advisories;

/// <summary>
/// Why no reporter's contact can ever be served in an advisory: every type an advisory is stored or served as is walked
/// member by member, and none may be named like a contact or a reporter's data, nor be a type that holds them (a report,
/// a submission, a contact). What the maintainers type (summary, credit, aliases, references) may hold no e-mail address.
/// The unit tests run <see cref="Violations"/> over <see cref="ServedTypes"/>.
/// </summary>
public static partial class AdvisoryPrivacy
{
    /// <summary>Parts of a member name that would mean personal data of the reporter.</summary>
    public static readonly IReadOnlyList<string> ForbiddenNameParts =
        ["contact", "email", "mail", "reporter", "phone", "protected", "clienthash"];

    /// <summary>Types that hold the reporter's data: no advisory type may contain one.</summary>
    public static readonly IReadOnlyList<Type> ForbiddenTypes = [typeof(Report), typeof(ReportSubmitted), typeof(ReporterMessage), typeof(EvidenceItem)];

    /// <summary>Every type an advisory is kept or served as: the record itself and its OSV and AVID renderings.</summary>
    public static readonly IReadOnlyList<Type> ServedTypes = [typeof(Advisory), typeof(OsvAdvisory), typeof(AvidReport), typeof(AdvisoryListItem)];

    /// <summary>The members of <paramref name="root"/> (followed into every nested type) that break the rule, as paths; empty when none.</summary>
    public static IReadOnlyList<string> Violations(Type root)
    {
        var found = new List<string>();
        Walk(root, root.Name, [], found);
        return found;
    }

    public static bool ContainsEmailAddress(string text) => EmailLike().IsMatch(text);

    private static void Walk(Type type, string path, HashSet<Type> seen, List<string> found)
    {
        type = Element(type);
        if (ForbiddenTypes.Contains(type))
        {
            found.Add($"{path} is a {type.Name}");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset)
            || type == typeof(DateOnly) || !seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = property.Name.ToLowerInvariant();
            var childPath = $"{path}.{property.Name}";
            if (ForbiddenNameParts.FirstOrDefault(part => name.Contains(part, StringComparison.Ordinal)) is { } part)
            {
                found.Add($"{childPath} (named like '{part}')");
            }

            if (property.PropertyType == typeof(object) || property.PropertyType == typeof(JsonElement))
            {
                found.Add($"{childPath} can hold anything");
                continue;
            }

            Walk(property.PropertyType, childPath, seen, found);
        }
    }

    /// <summary>The element type of a list or a nullable, else the type itself.</summary>
    private static Type Element(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return underlying;
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.IsArray ? type.GetElementType()!
                : type.GetGenericArguments() is [var item] ? Element(item)
                : typeof(object);
        }

        return type;
    }

    [GeneratedRegex(@"[^\s@<>()\[\],;:""]+@[^\s@<>()\[\],;:""]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailLike();
}
