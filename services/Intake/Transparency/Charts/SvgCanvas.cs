using System.Xml;

namespace SafetyReports.Intake.Transparency.Charts;

/// <summary>
/// Writes one inline SVG chart. Every text goes through <see cref="XmlWriter"/> as a text node or an attribute
/// value (never as markup), after characters XML cannot hold are replaced. The drawing scales through its
/// <c>viewBox</c>; colours come from classes in the site's stylesheet (the CSP allows no inline style).
/// </summary>
public sealed class SvgCanvas
{
    private readonly StringBuilder _markup = new();
    private readonly XmlWriter _xml;
    private bool _finished;

    /// <param name="id">Unique in the page: the title and description are referenced as <c>{id}-title</c> and <c>{id}-desc</c>.</param>
    public SvgCanvas(string id, double width, double height, string title, string description)
    {
        _xml = XmlWriter.Create(_markup, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment });
        // No xmlns: the chart is inline in an HTML page, whose parser puts <svg> in the SVG namespace itself.
        _xml.WriteStartElement("svg");
        _xml.WriteAttributeString("id", id);
        _xml.WriteAttributeString("class", "chart");
        _xml.WriteAttributeString("viewBox", $"0 0 {N(width)} {N(height)}");
        _xml.WriteAttributeString("role", "img");
        _xml.WriteAttributeString("aria-labelledby", $"{id}-title {id}-desc");
        _xml.WriteStartElement("title");
        _xml.WriteAttributeString("id", id + "-title");
        _xml.WriteString(Clean(title));
        _xml.WriteEndElement();
        _xml.WriteStartElement("desc");
        _xml.WriteAttributeString("id", id + "-desc");
        _xml.WriteString(Clean(description));
        _xml.WriteEndElement();
    }

    public void Rect(double x, double y, double width, double height, string cssClass, string? tooltip = null)
    {
        _xml.WriteStartElement("rect");
        _xml.WriteAttributeString("x", N(x));
        _xml.WriteAttributeString("y", N(y));
        _xml.WriteAttributeString("width", N(Math.Max(0, width)));
        _xml.WriteAttributeString("height", N(Math.Max(0, height)));
        _xml.WriteAttributeString("class", cssClass);
        Tooltip(tooltip);
        _xml.WriteEndElement();
    }

    public void Line(double x1, double y1, double x2, double y2, string cssClass)
    {
        _xml.WriteStartElement("line");
        _xml.WriteAttributeString("x1", N(x1));
        _xml.WriteAttributeString("y1", N(y1));
        _xml.WriteAttributeString("x2", N(x2));
        _xml.WriteAttributeString("y2", N(y2));
        _xml.WriteAttributeString("class", cssClass);
        _xml.WriteEndElement();
    }

    /// <summary>
    /// A text node. Names from reporters are isolated (<c>unicode-bidi: isolate</c>, a presentation attribute
    /// the CSP allows) so right-to-left text in one cannot reorder the labels around it.
    /// </summary>
    public void Text(double x, double y, string text, string cssClass, TextAnchor anchor = TextAnchor.Start, string? tooltip = null)
    {
        _xml.WriteStartElement("text");
        _xml.WriteAttributeString("x", N(x));
        _xml.WriteAttributeString("y", N(y));
        _xml.WriteAttributeString("class", cssClass);
        if (anchor != TextAnchor.Start)
        {
            _xml.WriteAttributeString("text-anchor", anchor == TextAnchor.End ? "end" : "middle");
        }

        _xml.WriteAttributeString("unicode-bidi", "isolate");
        Tooltip(tooltip);
        _xml.WriteString(Clean(text));
        _xml.WriteEndElement();
    }

    /// <summary>A group the screen reader skips: the chart's title and description, and the table beside it, say it all.</summary>
    public void BeginDecoration()
    {
        _xml.WriteStartElement("g");
        _xml.WriteAttributeString("aria-hidden", "true");
    }

    public void EndGroup() => _xml.WriteEndElement();

    public SvgMarkup Finish()
    {
        if (!_finished)
        {
            _xml.WriteEndElement();
            _xml.Flush();
            _finished = true;
        }

        return new SvgMarkup(_markup.ToString());
    }

    /// <summary>A number as SVG wants it: invariant, at most two decimals.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Replaces what XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD.</summary>
    public static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : !char.IsLowSurrogate(c) && XmlConvert.IsXmlChar(c);
            if (ok && char.IsHighSurrogate(c))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!ok)
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
                clean.Append('\uFFFD');
            }
            else
            {
                clean?.Append(c);
            }
        }

        return clean?.ToString() ?? text;
    }

    private void Tooltip(string? tooltip)
    {
        if (tooltip is not null)
        {
            _xml.WriteElementString("title", Clean(tooltip));
        }
    }
}

public enum TextAnchor
{
    Start,
    Middle,
    End,
}
