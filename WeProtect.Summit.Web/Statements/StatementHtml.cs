using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace WeProtect.Summit.Web.Statements;

/// <summary>Inline Markdown of a statement's texts (bold, italic, code, links) as safe HTML. Markdig renders with raw
/// HTML disabled (typed tags show as text), then HtmlSanitizer keeps only a strict allow-list: no script, style or
/// event handler survives, links only to http, https or mailto, with rel="nofollow noopener".</summary>
public static class StatementHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer(links: true);
    private static readonly HtmlSanitizer NoLinks = CreateSanitizer(links: false);

    public static IHtmlContent Inline(string? markdown) => new HtmlString(InlineString(markdown));

    /// <summary>For text that is itself a link (section headings, commitment titles): links keep only their words,
    /// since a link inside a link is not HTML.</summary>
    public static IHtmlContent InlineWithoutLinks(string? markdown) => new HtmlString(InlineString(markdown, links: false));

    // The output is a function of the text alone, and the texts public pages show on every request never change once
    // published (a published cycle's 60 commitments, its narratives): a memo bounded by characters spares the Markdown
    // parse and the sanitiser's document on each (they were most of an uncached cycle page's time).
    private const int MemoCharacters = 4_000_000;
    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = MemoCharacters });

    public static string InlineString(string? markdown, bool links = true)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return Rendered.GetOrCreate((markdown, links), entry =>
        {
            entry.Size = markdown.Length;
            return Render(markdown, links);
        })!;
    }

    private static string Render(string markdown, bool links)
    {
        using var writer = new StringWriter();
        // No <p> around the text: it goes inside the page's own paragraph, heading or list item.
        var renderer = new HtmlRenderer(writer) { ImplicitParagraph = true };
        Pipeline.Setup(renderer);
        renderer.Render(Markdown.Parse(markdown, Pipeline));
        writer.Flush();
        return (links ? Sanitizer : NoLinks).Sanitize(writer.ToString()).Trim();
    }

    private static HtmlSanitizer CreateSanitizer(bool links)
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "strong", "em", "code", "br" },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
        };
        if (links) options.AllowedTags.Add("a");
        // A heading or list typed inside an item keeps its words, not its markup.
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link) link.SetAttribute("rel", "nofollow noopener");
        };
        return sanitizer;
    }
}
