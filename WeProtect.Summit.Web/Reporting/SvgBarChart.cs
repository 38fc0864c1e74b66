using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace WeProtect.Summit.Web.Reporting;

/// <summary>A horizontal bar chart drawn on the server as inline SVG: a title and a description for screen readers
/// (role="img", aria-labelledby), and each bar's number written beside it, so nothing depends on colour or on seeing
/// the bars. Pages put the same numbers in a table next to it. Built with XElement so every label is escaped; sized
/// by the site's stylesheet (.bar-chart), since the CSP allows no inline style.</summary>
public static class SvgBarChart
{
    public sealed record Bar(string Label, int Value, int? OutOf = null);

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const int LabelWidth = 190, BarWidth = 320, RowHeight = 28, BarHeight = 18, Padding = 6;

    /// <param name="id">Unique on the page: the title's and description's ids derive from it.</param>
    /// <param name="max">The value of a full bar (at least 1).</param>
    /// <param name="outOf">How a bar words "3 of 5", in the page's language.</param>
    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<Bar> bars, int max, string outOf = "{0} of {1}")
    {
        max = Math.Max(1, max);
        var height = bars.Count * RowHeight + 2 * Padding;
        var width = LabelWidth + BarWidth + 110;
        var svg = new XElement(Svg + "svg",
            new XAttribute("id", id), new XAttribute("class", "bar-chart"), new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("width", "100%"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Padding + i * RowHeight;
            var length = (int)Math.Round((double)Math.Clamp(bar.Value, 0, max) / max * BarWidth);
            var words = bar.OutOf is { } of ? string.Format(CultureInfo.CurrentCulture, outOf, bar.Value, of) : bar.Value.ToString(CultureInfo.InvariantCulture);
            svg.Add(new XElement(Svg + "g", new XAttribute("class", "bar"), new XAttribute("data-label", bar.Label), new XAttribute("data-value", bar.Value),
                new XElement(Svg + "text", new XAttribute("x", LabelWidth - 8), new XAttribute("y", y + BarHeight - 4),
                    new XAttribute("text-anchor", "end"), new XAttribute("font-size", 13), bar.Label),
                new XElement(Svg + "rect", new XAttribute("x", LabelWidth), new XAttribute("y", y), new XAttribute("width", BarWidth),
                    new XAttribute("height", BarHeight), new XAttribute("fill", "#e9ecef")),
                new XElement(Svg + "rect", new XAttribute("x", LabelWidth), new XAttribute("y", y), new XAttribute("width", length),
                    new XAttribute("height", BarHeight), new XAttribute("fill", "#0b5394")),
                new XElement(Svg + "text", new XAttribute("x", LabelWidth + BarWidth + 8), new XAttribute("y", y + BarHeight - 4),
                    new XAttribute("font-size", 13), words)));
        }
        return new HtmlString(svg.ToString(SaveOptions.DisableFormatting));
    }
}
