using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace WeProtect.Summit.Web.Infrastructure.FieldErrors;

/// <summary>Gives a field's error message (<c>&lt;span asp-validation-for&gt;</c>) the id its field points at with
/// <c>aria-describedby</c> (see <see cref="FieldErrorTagHelper"/>).</summary>
[HtmlTargetElement("span", Attributes = ForAttribute)]
public sealed class FieldErrorMessageTagHelper : TagHelper
{
    private const string ForAttribute = "asp-validation-for";

    public override int Order => 100;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("id")) return;
        output.Attributes.SetAttribute("id", FieldErrorTagHelper.ErrorId(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
    }
}
