using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WeProtect.Summit.Web.Infrastructure.Tables;

/// <summary>Gives a table's caption an id (keeping one written by hand) and tells the table, whose scrolling region is
/// then named by it (see <see cref="TableScrollRegionTagHelper"/>).</summary>
[HtmlTargetElement("caption")]
public sealed class TableCaptionTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!context.Items.TryGetValue(typeof(TableCaption), out var item) || item is not TableCaption table) return;
        if (output.Attributes["id"]?.Value?.ToString() is { Length: > 0 } id)
        {
            table.Id = id;
            return;
        }
        table.Id = table.NewId;
        output.Attributes.SetAttribute("id", table.NewId);
    }
}
