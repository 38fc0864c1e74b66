using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace WeProtect.Summit.Web.Localization;

/// <summary>A translated sentence with markup inside it ("Two-step verification is <strong>on</strong>."): the
/// sentence is one key with placeholders, so that each language orders its words; the translation is encoded, and each
/// value is either markup made here (<see cref="Element"/>) or text, encoded too. Never glue fragments around a value.</summary>
public static partial class LocalizedHtml
{
    public static IHtmlContent Html(this IStringLocalizer localizer, string key, params object?[] values)
    {
        var format = localizer[key].Value;
        var content = new HtmlContentBuilder();
        var at = 0;
        foreach (Match m in Placeholder().Matches(format))
        {
            content.Append(format[at..m.Index]);
            var value = values[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)];
            if (value is IHtmlContent html) content.AppendHtml(html);
            else content.Append(string.Format(CultureInfo.CurrentCulture, "{0" + m.Groups[2].Value + "}", value));
            at = m.Index + m.Length;
        }
        content.Append(format[at..]);
        return content;
    }

    /// <summary>An element with encoded text, e.g. <c>Element("strong", name, id: "signing-for")</c>.</summary>
    public static IHtmlContent Element(string tag, object? text, string? id = null, string? cssClass = null, string? dir = null)
    {
        var element = new TagBuilder(tag);
        if (id is not null) element.Attributes["id"] = id;
        if (dir is not null) element.Attributes["dir"] = dir;
        if (cssClass is not null) element.AddCssClass(cssClass);
        element.InnerHtml.Append(Convert.ToString(text, CultureInfo.CurrentCulture) ?? "");
        return element;
    }

    /// <summary>A value someone typed (a name, a title, a time zone) inside a translated sentence, isolated in a
    /// &lt;bdi&gt; so that it takes its direction from its own letters: "Asia/Dubai" or "Age assurance and privacy" read
    /// left to right in an Arabic sentence, and the sentence's brackets and quotes stay where the sentence puts them.</summary>
    public static IHtmlContent Isolated(object? text, string? id = null, string? cssClass = null) => Element("bdi", text, id, cssClass);

    /// <summary>A language named as it calls itself ("Français", "العربية"), as the switcher and the language links name
    /// it, inside a sentence of the reader's language: marked with its own <c>lang</c> so that a screen reader says it
    /// in that language, and isolated so that Arabic keeps its direction in a French sentence and the reverse.</summary>
    public static IHtmlContent LanguageName(string? code)
    {
        var language = Data.Languages.InterfaceLanguages.Get(code);
        var element = new TagBuilder("bdi");
        element.Attributes["lang"] = language.Code;
        element.InnerHtml.Append(language.NativeName);
        return element;
    }

    /// <summary>Items one after another as <see cref="LocalizedList"/> says them (the "{0}, {1}" key: Arabic's "، "),
    /// each either markup (an <see cref="Isolated"/> name) or text; empty ones left out.</summary>
    public static IHtmlContent HtmlList(this IStringLocalizer localizer, params IEnumerable<object?> items) =>
        items.Where(i => i is not null && i is not "")
            .Aggregate((IHtmlContent?)null, (said, next) => said is null ? next as IHtmlContent ?? new HtmlContentBuilder().Append(Convert.ToString(next, CultureInfo.CurrentCulture)) : localizer.Html("{0}, {1}", said, next))
        ?? HtmlString.Empty;

    /// <summary>The start of a link whose words are in the sentence ("{0}log in{1}"), so that each language words it;
    /// the address from <c>Url.Page</c>. End it with <see cref="LinkEnd"/>.</summary>
    public static IHtmlContent LinkStart(string? href, string? id = null)
    {
        var link = new TagBuilder("a") { TagRenderMode = TagRenderMode.StartTag };
        link.Attributes["href"] = href ?? "";
        if (id is not null) link.Attributes["id"] = id;
        return link;
    }

    public static readonly IHtmlContent LinkEnd = new HtmlString("</a>");

    [GeneratedRegex(@"\{(\d+)(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
