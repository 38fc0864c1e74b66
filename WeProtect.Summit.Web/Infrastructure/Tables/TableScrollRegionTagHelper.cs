using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WeProtect.Summit.Web.Infrastructure.Tables;

/// <summary>Every table of the app sits in a region that scrolls sideways when the table is wider than the window,
/// so that on a phone a table keeps its words ("Remove administrator", not "Remov|e admini|strator") instead of
/// breaking them to fit. A region that holds nothing to focus is focusable itself, so that a keyboard can scroll it
/// too (WCAG 2.1.1; axe's scrollable-region-focusable). The agenda grid has its own labelled region, with its time
/// column fixed, and is left alone.</summary>
[HtmlTargetElement("table", Attributes = "class")]
public sealed class TableScrollRegionTagHelper : TagHelper
{
    private const string OwnRegionClass = "agenda-table";

    /// <summary>The markup that a keyboard reaches by itself: a region holding any of it needs no tab stop of its own.</summary>
    private static readonly string[] Focusable = ["<a ", "<button", "<input", "<select", "<textarea", "<summary"];

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var classes = (output.Attributes["class"]?.Value?.ToString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!classes.Contains("table") || classes.Contains(OwnRegionClass)) return;
        var content = (await output.GetChildContentAsync()).GetContent();
        var focusable = Focusable.Any(tag => content.Contains(tag, StringComparison.OrdinalIgnoreCase));
        output.PreElement.SetHtmlContent(focusable
            ? "<div class=\"table-responsive\">"
            : "<div class=\"table-responsive\" tabindex=\"0\" role=\"group\">");
        output.PostElement.SetHtmlContent("</div>");
    }
}
