using System.Globalization;
using System.Net;
using System.Text;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// What a mail says, as blocks written once and rendered twice: a plain-text part and an HTML part that read the same. In
/// the HTML every text is escaped, so what a reporter or a host wrote (a quote, a title) can never become markup; an
/// Arabic mail is laid out right to left.
/// </summary>
public sealed class MailBody
{
    private readonly List<(Kind Kind, string Text, Uri? Url)> _blocks = [];

    private enum Kind
    {
        Paragraph,
        Quote,
        Link,
    }

    public MailBody Paragraph(string text)
    {
        _blocks.Add((Kind.Paragraph, text, null));
        return this;
    }

    /// <summary>Text someone else wrote, set apart from ours.</summary>
    public MailBody Quote(string text)
    {
        _blocks.Add((Kind.Quote, text, null));
        return this;
    }

    public MailBody Link(string label, Uri url)
    {
        _blocks.Add((Kind.Link, label, url));
        return this;
    }

    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var (kind, value, url) in _blocks)
        {
            text.Append(kind switch
            {
                Kind.Quote => string.Join('\n', value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => "> " + l)),
                Kind.Link => $"{value}:\n{url!.AbsoluteUri}",
                _ => value,
            });
            text.Append("\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    public string ToHtml(string language, string title)
    {
        var direction = SupportedLanguages.IsRightToLeft(language) ? "rtl" : "ltr";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{Encode(language)}\" dir=\"{direction}\">\n<head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head>\n<body>\n");
        foreach (var (kind, value, url) in _blocks)
        {
            html.Append(kind switch
            {
                Kind.Quote => $"<blockquote style=\"white-space:pre-wrap;border-inline-start:3px solid #999;margin:0;padding-inline-start:1em\">{Encode(value)}</blockquote>",
                Kind.Link => $"<p><a href=\"{Encode(url!.AbsoluteUri)}\">{Encode(value)}</a></p>",
                _ => $"<p style=\"white-space:pre-wrap\">{Encode(value)}</p>",
            });
            html.Append('\n');
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
