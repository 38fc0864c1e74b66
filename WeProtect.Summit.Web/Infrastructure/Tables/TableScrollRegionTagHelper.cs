using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WeProtect.Summit.Web.Infrastructure.Tables;

/// <summary>Every table of the app sits in a region that scrolls sideways when the table is wider than the window,
/// so that on a phone a table keeps its words ("Remove administrator", not "Remov|e admini|strator") instead of
/// breaking them to fit. A region that holds nothing to focus is focusable itself, so that a keyboard can scroll it
/// too (WCAG 2.1.1; axe's scrollable-region-focusable), and is then a region named as the table is, so that a screen
/// reader says what the tab stop is. The agenda grid has its own labelled region, with its time column fixed, and is
/// left alone.</summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed class TableScrollRegionTagHelper(HtmlEncoder encoder) : TagHelper
{
    private const string OwnRegionClass = "agenda-table";

    /// <summary>The markup that a keyboard reaches by itself: a region holding any of it needs no tab stop of its own.</summary>
    private static readonly string[] Focusable = ["<a ", "<button", "<input", "<select", "<textarea", "<summary"];

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var classes = (output.Attributes["class"]?.Value?.ToString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!classes.Contains("table") || classes.Contains(OwnRegionClass)) return;
        // Named after the table where it has an id; otherwise unique in any response, as an htmx swap joins two.
        var tableId = Attribute(output, "id");
        var caption = new TableCaption(tableId is null ? "caption-" + Guid.NewGuid().ToString("N")[..12] : tableId + "-caption");
        context.Items[typeof(TableCaption)] = caption;
        var content = (await output.GetChildContentAsync()).GetContent();
        var focusable = Focusable.Any(tag => content.Contains(tag, StringComparison.OrdinalIgnoreCase));
        output.PreElement.SetHtmlContent(focusable ? "<div class=\"table-responsive\">" : TabStop(output, caption));
        output.PostElement.SetHtmlContent("</div>");
    }

    /// <summary>A region that is a tab stop of its own, named as its table is: by the caption, by the heading the
    /// table's aria-labelledby names, or by its aria-label. A table with none of them gets a nameless group, which the
    /// accessibility sweep refuses.</summary>
    private string TabStop(TagHelperOutput output, TableCaption caption)
    {
        var labelledBy = caption.Id ?? Attribute(output, "aria-labelledby");
        var name = labelledBy is not null ? $"role=\"region\" aria-labelledby=\"{Encode(labelledBy)}\""
            : Attribute(output, "aria-label") is { } label ? $"role=\"region\" aria-label=\"{Encode(label)}\""
            : "role=\"group\"";
        return $"<div class=\"table-responsive\" tabindex=\"0\" {name}>";
    }

    private static string? Attribute(TagHelperOutput output, string name) =>
        output.Attributes[name]?.Value?.ToString() is { Length: > 0 } value ? value : null;

    /// <summary>The app's encoder, which leaves the letters of every language as they are (the default one writes "é" as
    /// a character reference).</summary>
    private string Encode(string value) => encoder.Encode(value);
}
