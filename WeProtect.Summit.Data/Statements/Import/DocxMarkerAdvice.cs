using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Statements.Import;

/// <summary>Tells the drafter which marker of the grammar (docs/statement-format.md) to add where, so that a converted
/// Word draft parses: nothing is guessed into the text itself, the drafter decides. A heading followed by list items
/// opens a section ({audience=…} or {commitments}); a heading with nothing under it, or text before the first section,
/// groups what follows ({part}); a heading with only text after the last section closes the statement ({closing});
/// paragraphs after the last commitment may be the closing part. Line numbers are those of the draft as converted:
/// markers added at the end of a line move no line. Each piece of advice is one sentence to translate (<see cref="DeskText"/>).</summary>
internal static class DocxMarkerAdvice
{
    public enum BlockKind { Title, Heading, Paragraph, Item, Marker }

    /// <summary>A top-level block of the draft: title, heading, paragraph, first-level list item or typed marker.</summary>
    public sealed record Block(BlockKind Kind, int Line, string Text, bool HasMarker);

    private static readonly string Tokens = string.Join(", ", StatementAudiences.Tokens);

    public static IReadOnlyList<DeskText> For(IReadOnlyList<Block> blocks)
    {
        var advice = new List<(int Line, DeskText Text)>();
        var title = blocks.FirstOrDefault(b => b.Kind == BlockKind.Title);
        var titleLine = title?.Line ?? 1;
        var headings = Enumerable.Range(0, blocks.Count).Where(i => blocks[i].Kind == BlockKind.Heading).ToList();
        // What lies under each heading, up to the next one.
        var under = headings.Select((at, k) =>
            blocks.Skip(at + 1).Take((k + 1 < headings.Count ? headings[k + 1] : blocks.Count) - at - 1).ToList()).ToList();
        var sections = Enumerable.Range(0, headings.Count).Where(k => under[k].Any(b => b.Kind == BlockKind.Item)).ToList();
        var firstSection = sections.Count > 0 ? sections[0] : int.MaxValue;
        var lastSection = sections.Count > 0 ? sections[^1] : -1;

        if (title is { HasMarker: false } && sections.Count == 0 && blocks.Any(b => b.Kind == BlockKind.Item))
            advice.Add((title.Line, $"Line {title.Line} (the title): add {{audience=…}} at its end ({Tokens}), e.g. " +
                $"“{{audience=government}}”: the draft has no heading over its commitments, so the title says whom the " +
                $"statement speaks to; then put {{commitments}} on a line of its own above the commitments (or above the " +
                $"sentence that introduces them)."));

        for (var k = 0; k < headings.Count; k++)
        {
            var heading = blocks[headings[k]];
            if (heading.HasMarker) continue;
            var (line, text) = (heading.Line, heading.Text);
            if (sections.Contains(k))
                advice.Add((line, $"Line {line} (“## {text}”): add {{audience=…}} at its end for whom its commitments speak to " +
                    $"({Tokens}), e.g. “{{audience=government}}”; or {{commitments}} if the title (line {titleLine}) " +
                    $"carries the audience."));
            else if (k > lastSection && lastSection >= 0 && under[k].Count > 0)
                advice.Add((line, $"Line {line} (“## {text}”): add {{closing}} at its end if it closes the statement, or " +
                    $"{{part}} if it only groups what follows."));
            else if (k > firstSection && under[k].Count > 0)
                advice.Add((line, $"Line {line} (“## {text}”): add {{part}} at its end if it groups the sections after it; its " +
                    $"text (between two sections) must then move into a section or the preamble."));
            else
                advice.Add((line, $"Line {line} (“## {text}”): add {{part}} at its end: a heading that groups what follows."));
        }

        // Paragraphs after the last commitment of the last section, with no heading after them: a closing part?
        if (lastSection >= 0 && lastSection == headings.Count - 1)
        {
            var rest = under[lastSection];
            var lastItem = rest.FindLastIndex(b => b.Kind == BlockKind.Item);
            if (rest.Skip(lastItem + 1).FirstOrDefault(b => b.Kind == BlockKind.Paragraph) is { } closing
                && !rest.Skip(lastItem + 1).Any(b => b.Kind == BlockKind.Marker))
                advice.Add((closing.Line, $"Line {closing.Line}: if the text from here closes the statement, put " +
                    $"{{closing}} on a line of its own above it (add it last: it moves the lines below by one)."));
        }
        return advice.OrderBy(a => a.Line).Select(a => a.Text).ToList();
    }
}
