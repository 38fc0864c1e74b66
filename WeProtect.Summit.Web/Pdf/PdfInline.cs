using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace WeProtect.Summit.Web.Pdf;

/// <summary>A statement's inline Markdown as runs of plain text for the PDF, each bold, italic or neither, so that the
/// communiqué is bold exactly where the text is (<c>**…**</c>) and never shows the asterisks. Markdig reads the
/// inlines as it does for the web page (raw HTML off: a typed tag stays text); links keep their words.</summary>
internal static class PdfInline
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public sealed record Run(string Text, bool Bold, bool Italic);

    /// <summary>The runs of <paramref name="markdown"/>; a line break is a space, or a <c>"\n"</c> run when
    /// <paramref name="keepLines"/> (the closing part's signature-style lines).</summary>
    public static List<Run> Runs(string markdown, bool keepLines = false)
    {
        var runs = new List<Run>();
        foreach (var block in Markdown.Parse(markdown, Pipeline).Descendants<LeafBlock>())
        {
            if (runs.Count > 0) runs.Add(new Run(keepLines ? "\n" : " ", false, false));
            if (block.Inline is { } inline) Walk(inline, false, false, runs, keepLines);
            else runs.Add(new Run(block.Lines.ToString(), false, false));
        }
        return runs;
    }

    /// <summary>The words only, for headings and the title (drawn in their own font).</summary>
    public static string Plain(string markdown) => string.Concat(Runs(markdown).Select(r => r.Text));

    private static void Walk(ContainerInline container, bool bold, bool italic, List<Run> runs, bool keepLines)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case EmphasisInline e:
                    Walk(e, bold || e.DelimiterCount >= 2, italic || e.DelimiterCount == 1 || e.DelimiterCount == 3, runs, keepLines);
                    break;
                case LineBreakInline:
                    runs.Add(new Run(keepLines ? "\n" : " ", bold, italic));
                    break;
                case CodeInline code:
                    runs.Add(new Run(code.Content, bold, italic));
                    break;
                case LiteralInline literal:
                    runs.Add(new Run(literal.Content.ToString(), bold, italic));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(new Run(entity.Transcoded.ToString(), bold, italic));
                    break;
                case ContainerInline inner:
                    Walk(inner, bold, italic, runs, keepLines);
                    break;
                case AutolinkInline auto:
                    runs.Add(new Run(auto.Url, bold, italic));
                    break;
                default:
                    runs.Add(new Run(inline.ToString() ?? "", bold, italic));
                    break;
            }
        }
    }
}
