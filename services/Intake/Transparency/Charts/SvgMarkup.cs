using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace SafetyReports.Intake.Transparency.Charts;

/// <summary>An SVG document written by <see cref="SvgCanvas"/>, every text in it escaped: safe to place in a page as is.</summary>
public sealed class SvgMarkup : IHtmlContent
{
    internal SvgMarkup(string markup)
    {
        Markup = markup;
    }

    public string Markup { get; }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(Markup);

    public override string ToString() => Markup;
}
