using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WeProtect.Summit.Data.Statements.Import;

/// <summary>The document's styles, read by name ("Title", "heading 2": Word writes the English built-in names
/// whatever the language of its menus) and followed through "based on", so that a custom style based on Heading 2
/// is a heading too.</summary>
internal sealed partial class DocxStyles
{
    public const int TitleLevel = 0;
    public const int SubtitleLevel = -2;
    public const int BodyLevel = -1;
    private const int MaxChain = 20;

    private readonly Dictionary<string, Style> byId = new(StringComparer.Ordinal);

    public DocxStyles(Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
            if (style.StyleId?.Value is { } id) byId.TryAdd(id, style);
    }

    /// <summary><see cref="TitleLevel"/> for a title, 1–9 for a heading, <see cref="SubtitleLevel"/>, or
    /// <see cref="BodyLevel"/> for any other paragraph.</summary>
    public int HeadingLevel(string? styleId)
    {
        foreach (var (id, style) in Chain(styleId))
        {
            if (LevelOf(style?.StyleName?.Val?.Value) is { } byName) return byName;
            if (LevelOf(id) is { } byIdName) return byIdName;
        }
        return BodyLevel;
    }

    private static int? LevelOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (n == "title") return TitleLevel;
        if (n == "subtitle") return SubtitleLevel;
        var match = HeadingName().Match(n);
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    /// <summary>The list a paragraph style puts its paragraphs in (e.g. "List Number"), if any.</summary>
    public (int NumId, int Level)? Numbering(string? styleId)
    {
        foreach (var (_, style) in Chain(styleId))
        {
            if (style?.StyleParagraphProperties?.NumberingProperties is { } numPr
                && numPr.NumberingId?.Val?.Value is { } numId)
                return (numId, numPr.NumberingLevelReference?.Val?.Value ?? 0);
        }
        return null;
    }

    /// <summary>Bold and italic set by a character style ("Strong", "Emphasis", or one of the author's own).</summary>
    public (bool? Bold, bool? Italic) RunFormat(string? styleId)
    {
        bool? bold = null, italic = null;
        foreach (var (_, style) in Chain(styleId))
        {
            var rPr = style?.StyleRunProperties;
            bold ??= rPr?.Bold is { } b ? b.Val?.Value ?? true : null;
            italic ??= rPr?.Italic is { } i ? i.Val?.Value ?? true : null;
            if (bold is not null && italic is not null) break;
        }
        return (bold, italic);
    }

    private IEnumerable<(string Id, Style? Style)> Chain(string? styleId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var id = styleId; id is not null && seen.Count < MaxChain && seen.Add(id);)
        {
            var style = byId.GetValueOrDefault(id);
            yield return (id, style);
            id = style?.BasedOn?.Val?.Value;
        }
    }

    [GeneratedRegex(@"^heading([1-9])$")]
    private static partial Regex HeadingName();
}
