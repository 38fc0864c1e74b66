using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace WeProtect.Summit.Data.Statements;

/// <summary>Reads a statement's text (the grammar of docs/statement-format.md) into a <see cref="StatementDocument"/>,
/// or returns every error with its line. Never throws for any input string.</summary>
/// <remarks>
/// The text is canonicalised first and the canonical text is parsed, so line numbers are those of the text as
/// typed (canonicalisation keeps every line but trailing blank ones). Markdig (CommonMark, no extensions) gives
/// the block structure: headings, paragraphs, bullet and numbered lists. Two things are read by this class
/// from the source lines of those blocks, not by Markdig:
/// <list type="bullet">
/// <item><c>{audience=…}</c> at the end of a <c>##</c> heading (a regular expression on the heading's line);</item>
/// <item>lettered items. CommonMark has no <c>a.</c> lists, and Markdig's list-extras extension would read
/// <c>i.</c>, <c>v.</c>, <c>x.</c> … as Roman numerals and a lettered line straight under a title as part of the
/// title's paragraph anyway. So a commitment's lines (the paragraphs inside its numbered list item, list marker
/// and indentation removed) are read one by one: the first is the bold title, a line <c>x. text</c> with one
/// lowercase letter starts an item, any other line continues the item before it.</item>
/// </list>
/// </remarks>
public static partial class StatementParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly string AudienceList = string.Join(", ", StatementAudiences.Tokens);

    public static StatementParseResult Parse(string? raw)
    {
        var canonical = StatementText.Canonicalise(raw);
        var hash = StatementText.Hash(canonical);
        var bytes = Encoding.UTF8.GetByteCount(canonical);
        if (bytes > StatementText.MaxBytes)
        {
            return new StatementParseResult(canonical, hash, null,
            [
                new StatementError(1, $"The text is too long: {bytes:N0} bytes, and a statement may be at most " +
                    $"{StatementText.MaxBytes:N0} bytes (1 MB). Nothing was read or saved."),
            ]);
        }

        var reader = new Reader(canonical);
        var document = reader.Read();
        return reader.Errors.Count == 0 && document is not null
            ? new StatementParseResult(canonical, hash, document, [])
            : new StatementParseResult(canonical, hash, null,
                reader.Errors.OrderBy(e => e.Line).Distinct().ToArray());
    }

    [GeneratedRegex(@"^##\s*(?<text>.*?)\s*(?:\{(?<attr>[^{}]*)\})?\s*(?:\s#+)?\s*$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\s*audience\s*=\s*(?<value>.*?)\s*$")]
    private static partial Regex AudienceAttribute();

    [GeneratedRegex(@"^#\s*(?<text>.*?)(?:\s+#+)?\s*$")]
    private static partial Regex TitleHeading();

    [GeneratedRegex(@"^(?<letter>[a-z])\.(?:[ \t]+(?<text>.*))?$")]
    private static partial Regex LetteredLine();

    [GeneratedRegex(@"^\d{1,9}[.)][ \t]*")]
    private static partial Regex NumberMarker();

    [GeneratedRegex(@"^[-+*][ \t]*")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^\*\*(?<title>.*\S.*?)\*\*$")]
    private static partial Regex BoldTitle();

    private sealed class Reader(string text)
    {
        private readonly string[] lines = text.Split('\n');
        private readonly int[] lineStarts = LineStarts(text);
        private readonly Dictionary<StatementAudience, int> audienceCounts = [];
        public List<StatementError> Errors { get; } = [];

        private string? title;
        private readonly List<PreambleBlock> preamble = [];
        private readonly List<StatementSection> sections = [];
        private SectionBuilder? section;

        public StatementDocument? Read()
        {
            MarkdownDocument document;
            try
            {
                document = Markdown.Parse(text, Pipeline);
            }
            catch (ArgumentException)
            {
                // Markdig refuses input nested beyond its depth limit ("too deeply nested") with an ArgumentException.
                Error(DeepestNestedLine(), "This line is nested too deeply (too many >, - or numbers at its start) " +
                    "for a statement. Remove the extra marks at the start of the line.");
                return null;
            }
            var hasTitle = document.OfType<HeadingBlock>().Any(h => h.Level == 1 && !h.IsSetext);
            var textBeforeTitleReported = false;

            foreach (var block in document)
            {
                var line = block.Line + 1;
                if (title is null && hasTitle && !(block is HeadingBlock { Level: 1, IsSetext: false }) && !textBeforeTitleReported)
                {
                    Error(line, "The title must come first: start the text with one line like “# Statement of Action”, before any other text.");
                    textBeforeTitleReported = true;
                }

                switch (block)
                {
                    case HeadingBlock { IsSetext: true }:
                        Error(LineOf(block.Span.Start) + 1, "A line of === or --- under text makes a heading that the statement format does not use. " +
                            "Write the title as “# Title” and sections as “## Heading {audience=…}”, or remove the line of dashes.");
                        break;
                    case HeadingBlock { Level: 1 }:
                        ReadTitle(line);
                        break;
                    case HeadingBlock { Level: 2 }:
                        CloseSection();
                        OpenSection(line);
                        break;
                    case HeadingBlock h:
                        Error(line, $"A heading with {h.Level} # signs is not part of the statement format. " +
                            "Use “## Heading {audience=…}” for a section; commitments are numbered lines, not headings.");
                        break;
                    default:
                        if (section is null) ReadPreambleBlock(block, line);
                        else ReadSectionBlock(block, line);
                        break;
                }
            }
            CloseSection();

            if (!hasTitle)
                Error(1, "The statement has no title. Start the text with one line like “# Statement of Action by Governments”.");
            if (sections.Count == 0 && Errors.Count == 0)
                Error(Math.Max(1, lines.Length - 1), "The statement has no sections. Add at least one “## Heading {audience=…}” followed by numbered commitments.");

            return Errors.Count == 0 && title is not null ? new StatementDocument(title, preamble, sections) : null;
        }

        private void ReadTitle(int line)
        {
            if (title is not null)
            {
                Error(line, "There can be only one title (a line starting with a single #). Use “## Heading {audience=…}” for a section.");
                return;
            }
            var match = TitleHeading().Match(lines[line - 1].TrimStart());
            var t = match.Success ? match.Groups["text"].Value.Trim() : "";
            if (t.Length == 0) Error(line, "The title is empty: write it after the #, like “# Statement of Action”.");
            title = t;
        }

        private void OpenSection(int line)
        {
            var match = SectionHeading().Match(lines[line - 1].TrimStart());
            var heading = match.Success ? match.Groups["text"].Value : "";
            var attr = match.Success && match.Groups["attr"].Success ? match.Groups["attr"].Value : null;
            if (heading.Length == 0)
                Error(line, "This section heading has no words: write them after the ##, like “## Government delegates pledge to {audience=government}”.");

            StatementAudience? audience = null;
            if (attr is null)
            {
                Error(line, $"This section heading does not say who it is for. End it with {{audience=…}}, one of: {AudienceList}.");
            }
            else
            {
                var value = AudienceAttribute().Match(attr);
                if (!value.Success)
                    Error(line, $"“{{{attr}}}” is not understood: the only setting a section heading takes is {{audience=…}}, one of: {AudienceList}.");
                else if (value.Groups["value"].Value.Length == 0)
                    Error(line, $"The audience is empty. Write one of: {AudienceList}.");
                else if (!StatementAudiences.TryParse(value.Groups["value"].Value, out var a))
                    Error(line, $"“{value.Groups["value"].Value}” is not a known audience. Write one of: {AudienceList}.");
                else audience = a;
            }

            var anchor = "";
            if (audience is { } known)
            {
                var n = audienceCounts[known] = audienceCounts.GetValueOrDefault(known) + 1;
                anchor = n == 1 ? known.Token() : $"{known.Token()}-section-{n}";
            }
            section = new SectionBuilder(heading, audience ?? StatementAudience.All, anchor, line);
        }

        private void CloseSection()
        {
            if (section is null) return;
            if (section.Commitments.Count == 0 && !section.HadContent)
                Error(section.Line, "This section has no commitments. Add numbered commitments under it (“1. **Title**”), or remove the heading.");
            sections.Add(new StatementSection(section.Heading, section.Audience, section.Anchor, section.Line, section.Commitments));
            section = null;
        }

        private void ReadPreambleBlock(Block block, int line)
        {
            var anchor = $"preamble-{preamble.Count + 1}";
            switch (block)
            {
                case ParagraphBlock p:
                {
                    var text = BlockLines(p, null);
                    if (text.Count > 0 && LetteredLine().IsMatch(text[0].Text))
                    {
                        Error(line, $"The lettered item “{text[0].Text[..2]}” is not inside a commitment: lettered items belong under a numbered commitment in a section.");
                        return;
                    }
                    preamble.Add(new PreambleBlock(anchor, line, PreambleBlockKind.Paragraph, string.Join("\n", text.Select(t => t.Text)), []));
                    return;
                }
                case ListBlock { IsOrdered: false } list:
                {
                    var bullets = new List<string>();
                    foreach (var child in list)
                    {
                        if (child is not ListItemBlock item) continue;
                        var parts = new List<string>();
                        foreach (var inner in item)
                        {
                            if (inner is ParagraphBlock ip)
                                parts.Add(string.Join("\n", BlockLines(ip, item).Select(t => t.Text)));
                            else
                                Error(inner.Line + 1, "A bullet in the preamble may hold only text: no nested lists, quotes, code or headings.");
                        }
                        if (parts.Count == 0 && item.Count == 0)
                            Error(item.Line + 1, "This bullet is empty: write text after the dash, or remove it.");
                        bullets.Add(string.Join("\n", parts));
                    }
                    preamble.Add(new PreambleBlock(anchor, line, PreambleBlockKind.BulletList, "", bullets));
                    return;
                }
                case ListBlock:
                    Error(line, "Numbered commitments must be inside a section: add a heading like “## Government delegates pledge to {audience=government}” above them.");
                    return;
                default:
                    Error(line, $"The preamble may hold only paragraphs and bullet lists, not {Describe(block)}.");
                    return;
            }
        }

        private void ReadSectionBlock(Block block, int line)
        {
            var s = section!;
            switch (block)
            {
                case ListBlock { IsOrdered: true } list:
                    foreach (var child in list)
                        if (child is ListItemBlock item) ReadCommitment(s, item);
                    return;
                case ParagraphBlock p when BlockLines(p, null) is [var first, ..] && LetteredLine().IsMatch(first.Text):
                    s.HadContent = true;
                    Error(line, $"The lettered item “{first.Text[..2]}” is not inside a commitment. Indent it under its numbered commitment " +
                        "(three spaces under “1. **Title**”), with no blank line between a commitment and its items.");
                    return;
                default:
                    s.HadContent = true;
                    Error(line, $"Only numbered commitments (“1. **Title**” with lettered items) may follow a section heading, not {Describe(block)}. " +
                        "Move this text into the preamble, above the first ## heading, or make it a commitment.");
                    return;
            }
        }

        private void ReadCommitment(SectionBuilder s, ListItemBlock item)
        {
            var line = item.Line + 1;
            var number = item.Order;
            var commitmentLines = new List<SourceLine>();
            foreach (var inner in item)
            {
                if (inner is ParagraphBlock or CodeBlock and not FencedCodeBlock)
                    commitmentLines.AddRange(BlockLines((LeafBlock)inner, item));
                else
                    Error(inner.Line + 1, $"A commitment may hold only its bold title and lettered items (a., b., …), not {Describe(inner)}.");
            }

            if (s.Numbers.Contains(number))
                Error(line, $"Commitment number {number} is used twice in this section. Number the commitments 1, 2, 3, … in order.");
            else if (number != s.LastNumber + 1)
                Error(line, $"Commitment number {number} is out of order: the next number in this section is {s.LastNumber + 1}.");
            s.Numbers.Add(number);
            s.LastNumber = Math.Max(s.LastNumber, number);

            var anchor = $"{s.Anchor}-{number}";
            var titleMatch = commitmentLines.Count > 0 ? BoldTitle().Match(commitmentLines[0].Text) : Match.Empty;
            var commitmentTitle = "";
            var rest = commitmentLines.AsEnumerable();
            if (titleMatch.Success)
            {
                commitmentTitle = titleMatch.Groups["title"].Value.Trim();
                rest = commitmentLines.Skip(1);
            }
            else
            {
                Error(line, $"Commitment {number} has no bold title. Start it like this: “{number}. **Short title**”, on a line of its own.");
            }

            var items = new List<ItemBuilder>();
            var letters = new HashSet<char>();
            var lastLetter = (char)('a' - 1);
            foreach (var l in rest)
            {
                var m = LetteredLine().Match(l.Text);
                if (m.Success)
                {
                    var letter = m.Groups["letter"].Value[0];
                    var itemText = m.Groups["text"].Value.Trim();
                    if (letters.Contains(letter))
                        Error(l.Line, $"Item {letter}. is used twice in commitment {number}. Letter the items a., b., c., … in order.");
                    else if (letter != lastLetter + 1)
                        Error(l.Line, $"Item {letter}. is out of order in commitment {number}: the next letter is {(char)(lastLetter + 1)}.");
                    letters.Add(letter);
                    if (letter > lastLetter) lastLetter = letter;
                    if (itemText.Length == 0)
                        Error(l.Line, $"Item {letter}. of commitment {number} has no text.");
                    items.Add(new ItemBuilder(letter, l.Line, new StringBuilder(itemText)));
                }
                else if (items.Count == 0)
                {
                    if (titleMatch.Success)
                        Error(l.Line, $"Under the title of commitment {number} only lettered items may follow (“a. …”, “b. …”). " +
                            "Start this line with the next letter, or join it to the item above.");
                }
                else
                {
                    items[^1].Text.Append(' ').Append(l.Text.Trim());
                }
            }

            s.Commitments.Add(new StatementCommitment(number, commitmentTitle, anchor, line,
                items.Select(i => new StatementItem(i.Letter, i.Text.ToString(), $"{anchor}.{i.Letter}", i.Line)).ToArray()));
        }

        /// <summary>The source lines of a leaf block, indentation (and, on the first line of
        /// <paramref name="listItem"/>, its marker) removed, blank lines skipped.</summary>
        private List<SourceLine> BlockLines(LeafBlock block, ListItemBlock? listItem)
        {
            var result = new List<SourceLine>();
            var first = block.Line;
            var last = Math.Max(first, LineOf(block.Span.End));
            for (var i = first; i <= last && i < lines.Length; i++)
            {
                var l = lines[i].TrimStart(' ', '\t');
                if (listItem is not null && i == listItem.Line)
                    l = (listItem.Parent is ListBlock { IsOrdered: true } ? NumberMarker() : BulletMarker()).Replace(l, "", 1);
                if (l.Length > 0) result.Add(new SourceLine(i + 1, l));
            }
            return result;
        }

        /// <summary>The line with the longest run of block markers (quote, bullet, number, space) at its start.</summary>
        private int DeepestNestedLine()
        {
            var (best, bestRun) = (0, -1);
            for (var i = 0; i < lines.Length; i++)
            {
                var run = 0;
                while (run < lines[i].Length && " \t>-*+.)0123456789".Contains(lines[i][run])) run++;
                if (run > bestRun) (best, bestRun) = (i, run);
            }
            return best + 1;
        }

        private int LineOf(int offset)
        {
            if (offset < 0) return 0;
            var index = Array.BinarySearch(lineStarts, offset);
            return index >= 0 ? index : ~index - 1;
        }

        private static int[] LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
                if (text[i] == '\n') starts.Add(i + 1);
            return starts.ToArray();
        }

        private static string Describe(Block block) => block switch
        {
            QuoteBlock => "a quotation (a line starting with >)",
            FencedCodeBlock or CodeBlock => "a code block (indented text or ``` fences)",
            HtmlBlock => "HTML",
            ThematicBreakBlock => "a horizontal line (---, *** or ___)",
            ListBlock { IsOrdered: true } => "a numbered list",
            ListBlock => "a bullet list",
            HeadingBlock => "a heading",
            ParagraphBlock => "a paragraph",
            LinkReferenceDefinitionGroup or LinkReferenceDefinition => "a link definition ([name]: address)",
            _ => "this kind of text",
        };

        private void Error(int line, string message) => Errors.Add(new StatementError(Math.Max(1, line), message));
    }

    private sealed record SourceLine(int Line, string Text);

    private sealed record ItemBuilder(char Letter, int Line, StringBuilder Text);

    private sealed class SectionBuilder(string heading, StatementAudience audience, string anchor, int line)
    {
        public string Heading { get; } = heading;
        public StatementAudience Audience { get; } = audience;
        public string Anchor { get; } = anchor;
        public int Line { get; } = line;
        public List<StatementCommitment> Commitments { get; } = [];
        public HashSet<int> Numbers { get; } = [];
        public int LastNumber { get; set; }
        public bool HadContent { get; set; }
    }
}
