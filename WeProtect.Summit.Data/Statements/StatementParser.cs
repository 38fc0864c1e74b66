using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Statements;

/// <summary>Reads a statement's text (the grammar of docs/statement-format.md) into a <see cref="StatementDocument"/>,
/// or returns every error with its line, in line order; warnings come with a document. Never throws for any input string.</summary>
/// <remarks>
/// The text is canonicalised first and the canonical text is parsed, so line numbers are those of the text as
/// typed (canonicalisation keeps every line but trailing blank ones). Markdig (CommonMark, no extensions) gives
/// the block structure: headings, paragraphs, bullet and numbered lists. Three things are read by this class
/// from source lines, not by Markdig:
/// <list type="bullet">
/// <item>markers: <c>{audience=…}</c>, <c>{commitments}</c>, <c>{part}</c>, <c>{closing}</c> at the end of a <c>##</c>
/// heading, <c>{audience=…}</c> at the end of the title, and a marker alone on an unindented line (Markdig is given
/// such a line as an HTML comment: a block of its own that also ends the paragraph or list above it);</item>
/// <item>lettered items. CommonMark has no <c>a.</c> lists, and Markdig's list-extras extension would read
/// <c>i.</c>, <c>v.</c>, <c>x.</c> … as Roman numerals and a lettered line straight under a title as part of the
/// title's paragraph anyway. So a commitment's lines (list marker and indentation removed) are read one by one:
/// a first line wholly in bold is the title, a line <c>x. text</c> with one lowercase letter starts an item;
/// other lines are the commitment's text (before its first item) or continue the item before them;</item>
/// <item>lazy continuation: a line that Markdig joins to the list item above although it is not indented is kept
/// where Markdig puts it (as the grammar always did) but gets a warning, so that nothing is merged silently.</item>
/// </list>
/// </remarks>
public static partial class StatementParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly string AudienceList = string.Join(", ", StatementAudiences.Tokens);

    /// <summary>A bold title longer than this gets a warning: it reads as a sentence, not a title.</summary>
    public const int LongTitle = 150;

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
            ? new StatementParseResult(canonical, hash, document, []) { Warnings = reader.Warnings.OrderBy(w => w.Line).DistinctBy(w => (w.Line, w.Message.ToString())).ToArray() }
            : new StatementParseResult(canonical, hash, null, reader.Errors.Concat(reader.Hints).OrderBy(e => e.Line).DistinctBy(e => (e.Line, e.Message.ToString())).ToArray());
    }

    [GeneratedRegex(@"^##\s*(?<text>.*?)\s*(?:\{(?<attr>[^{}]*)\})?\s*(?:\s#+)?\s*$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\s*audience\s*=\s*(?<value>.*?)\s*$")]
    private static partial Regex AudienceAttribute();

    [GeneratedRegex(@"^#\s*(?<text>.*?)(?:\s+#+)?\s*$")]
    private static partial Regex TitleHeading();

    [GeneratedRegex(@"^(?<text>.*?)\s*\{\s*audience\s*=\s*(?<value>[^{}]*?)\s*\}$")]
    private static partial Regex TitleAudience();

    /// <summary>A marker alone on its line, unindented: <c>{closing}</c>, <c>{commitments}</c>, <c>{audience=…}</c>, <c>{part}</c>.</summary>
    [GeneratedRegex(@"^\{\s*(?<marker>closing|commitments|part|audience\s*=[^{}]*)\s*\}$")]
    private static partial Regex MarkerLine();

    [GeneratedRegex(@"^\{[^{}]*\}$")]
    private static partial Regex BracedLine();

    [GeneratedRegex(@"^(?<letter>[a-z])\.(?:[ \t]+(?<text>.*))?$")]
    private static partial Regex LetteredLine();

    [GeneratedRegex(@"^[ \t]*\d{1,9}[.)][ \t]*")]
    private static partial Regex NumberMarker();

    /// <summary>A bullet character of a word processor's list (•, ◦, ▪, ●, ‣, ⁃, –) at the start of a line.</summary>
    [GeneratedRegex(@"^[ \t]*(?<mark>[•◦▪▫●○■□‣⁃–])[ \t]+\S")]
    private static partial Regex PastedBullet();

    /// <summary>A lettered item as word processors write it ("(a) …", "a) …", "A. …", "(A) …") at the start of a line.</summary>
    [GeneratedRegex(@"^[ \t]*(?<mark>\(?(?<letter>[a-zA-Z])\)|(?<letter>[A-Z])\.)[ \t]+\S")]
    private static partial Regex PastedLetter();

    /// <summary>A heading, bullet, number or letter at the start of a line followed by a space that is not one to
    /// Markdown (a word processor's non-breaking or fixed-width space): the line is then not what it looks like.</summary>
    [GeneratedRegex(@"^[ \t]*(?<mark>#{1,6}|[-+*]|\d{1,9}[.)]|[a-z]\.)(?<space>[\u00A0\u2000-\u200A\u202F\u205F\u3000])")]
    private static partial Regex MarkerAndOddSpace();

    [GeneratedRegex(@"^[ \t]*[-+*][ \t]*")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^\*\*(?<title>.*\S.*?)\*\*$")]
    private static partial Regex BoldTitle();

    [GeneratedRegex(@"^\*\*(?<lead>[^*].*?)\*\*")]
    private static partial Regex BoldLeadIn();

    private enum Region { Preamble, Sections, Closing }

    private sealed record Marker(int Line, string Kind, string? Heading, string? Audience);

    private sealed class Reader(string text)
    {
        private readonly string[] lines = text.Split('\n');
        private int[] lineStarts = []; // of the text Markdig reads (marker lines differ in length from the text's)
        private readonly Dictionary<StatementAudience, int> audienceCounts = [];
        public List<StatementError> Errors { get; } = [];
        public List<StatementWarning> Warnings { get; } = [];
        public List<StatementError> Hints { get; } = [];

        private string? title;
        private StatementAudience? titleAudience;
        private Region region = Region.Preamble;
        private bool strayAfterPart;
        private bool closingSeen;
        private readonly List<PreambleBlock> preamble = [];
        private readonly List<PreambleBlock> closing = [];
        private readonly List<PartHeading> headings = [];
        private readonly List<StatementSection> sections = [];
        private readonly Numbering running = new();
        private int previousSectionLast;
        private int? lastTextAfter; // a paragraph after the last commitment of the section closed last
        private SectionBuilder? section;

        public StatementDocument? Read()
        {
            // A marker line is handed to Markdig as an HTML comment on the same line: a block of its own that ends the
            // paragraph or list above it (a blank line would not: a list goes on over blank lines), read back below.
            var markers = new Dictionary<int, Marker>();
            var forMarkdig = new string[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                var m = MarkerLine().Match(lines[i]);
                if (m.Success)
                {
                    var marker = m.Groups["marker"].Value;
                    var audience = AudienceAttribute().Match(marker);
                    markers[i + 1] = audience.Success
                        ? new Marker(i + 1, "audience", null, audience.Groups["value"].Value)
                        : new Marker(i + 1, marker, null, null);
                    forMarkdig[i] = "<!-- marker -->";
                }
                else
                {
                    if (BracedLine().IsMatch(lines[i]))
                        Warn(i + 1, $"“{lines[i]}” is not a marker (the markers are {{audience=…}}, {{commitments}}, {{part}} and {{closing}}), so it is kept as text.");
                    // What a word processor's lists paste as: read as plain text and joined to the lines around it.
                    else if (PastedBullet().Match(lines[i]) is { Success: true } bullet)
                        Hint(i + 1, $"This line starts with “{bullet.Groups["mark"].Value}”, a bullet pasted from a word processor: here it is plain text, " +
                            "joined to the lines around it. Write “- ” for a bullet, or “1. ” for a numbered commitment.");
                    else if (PastedLetter().Match(lines[i]) is { Success: true } letter)
                        Hint(i + 1, $"This line starts with “{letter.Groups["mark"].Value}”: here it is plain text, joined to the lines around it. Write a lettered " +
                            $"item as “{char.ToLowerInvariant(letter.Groups["letter"].Value[0])}. ” at the start of its own line under its commitment, so that it has its own anchor.");
                    else if (MarkerAndOddSpace().Match(lines[i]) is { Success: true } odd)
                        Hint(i + 1, $"“{odd.Groups["mark"].Value}” is followed by a non-breaking space (U+{(int)odd.Groups["space"].Value[0]:X4}, as word processors paste it), " +
                            $"so this line is not read as it looks: here it is plain text. Type an ordinary space after “{odd.Groups["mark"].Value}”.");
                    forMarkdig[i] = lines[i];
                }
            }

            MarkdownDocument document;
            try
            {
                var markdig = string.Join("\n", forMarkdig);
                lineStarts = LineStarts(markdig);
                document = Markdown.Parse(markdig, Pipeline);
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
                if (block is HtmlBlock && markers.Remove(line, out var marker))
                {
                    Apply(marker);
                    continue;
                }

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
                        ReadHeading(line);
                        break;
                    case HeadingBlock h:
                        Error(line, $"A heading with {h.Level} # signs is not part of the statement format. " +
                            $"Use “## Heading {{audience=…}}” for a section or “## Heading {{part}}” for a part; commitments are numbered lines or bullets, not headings.");
                        break;
                    default:
                        ReadBlock(block, line);
                        break;
                }
            }
            foreach (var inside in markers.Values)
                Error(inside.Line, "This marker is not at the top level of the text (it is inside a list or quotation above it): " +
                    "leave a blank line before it and start it at the beginning of the line.");
            CloseSection();

            if (!hasTitle)
                Error(1, "The statement has no title. Start the text with one line like “# Statement of Action by Governments”.");
            if (sections.Count == 0 && titleAudience is null)
                Error(Math.Max(1, lines.Length - 1), "The statement has no sections and no audience. Add at least one “## Heading {audience=…}” " +
                    "followed by its commitments, or set the audience of the whole statement on the title line: “# Title {audience=government}”.");
            if (sections.Count == 0 && titleAudience is not null && preamble.Any(p => p.Kind == PreambleBlockKind.Numbered))
                Warn(preamble.First(p => p.Kind == PreambleBlockKind.Numbered).Line, "The statement has no commitments: all its numbered paragraphs are preamble. " +
                    "If some of them are commitments, write {commitments} on a line of its own above them.");
            if (Errors.Count > 0 || title is null) return null;

            var document2 = new StatementDocument(title, preamble, sections) { Audience = titleAudience, Headings = headings, Closing = closing };
            WarnAboutWording(document2);
            return document2;
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
            var audience = TitleAudience().Match(t);
            if (audience.Success)
            {
                t = audience.Groups["text"].Value.Trim();
                titleAudience = ParseAudience(audience.Groups["value"].Value, line);
                titleAudience ??= StatementAudience.All; // already an error; keeps later errors about sections quiet
            }
            if (t.Length == 0) Error(line, "The title is empty: write it after the #, like “# Statement of Action”.");
            title = t;
        }

        private StatementAudience? ParseAudience(string value, int line)
        {
            if (value.Length == 0) Error(line, $"The audience is empty. Write one of: {AudienceList}.");
            else if (!StatementAudiences.TryParse(value, out var a)) Error(line, $"“{value}” is not a known audience. Write one of: {AudienceList}.");
            else return a;
            return null;
        }

        private void ReadHeading(int line)
        {
            var match = SectionHeading().Match(lines[line - 1].TrimStart());
            var heading = match.Success ? match.Groups["text"].Value : "";
            var attr = match.Success && match.Groups["attr"].Success ? match.Groups["attr"].Value : null;
            if (attr is null)
            {
                Error(line, $"This section heading does not say who it is for. End it with {{audience=…}}, one of: {AudienceList}; " +
                    $"or with {{commitments}} for the audience set on the title; or with {{part}} for a heading that groups what follows, " +
                    $"or {{closing}} for the closing part.");
                CloseSection();
                section = new SectionBuilder(heading, StatementAudience.All, "", line, false) { HadContent = true };
                return;
            }
            var value = AudienceAttribute().Match(attr);
            var kind = value.Success ? "audience" : attr.Trim();
            if (kind is not ("audience" or "commitments" or "part" or "closing"))
            {
                Error(line, $"“{{{attr}}}” is not understood: a ## heading ends with {{audience=…}} (one of: {AudienceList}), " +
                    $"{{commitments}}, {{part}} or {{closing}}.");
                CloseSection();
                section = new SectionBuilder(heading, StatementAudience.All, "", line, false) { HadContent = true };
                return;
            }
            if (heading.Length == 0 && kind is ("part" or "closing"))
                Error(line, $"This heading has no words: write them after the ##, like “## Our commitments {{{kind}}}”.");
            else if (heading.Length == 0)
                Error(line, "This section heading has no words: write them after the ##, like “## Government delegates pledge to {audience=government}”.");
            Apply(new Marker(line, kind, heading, value.Success ? value.Groups["value"].Value : null));
        }

        private void Apply(Marker marker)
        {
            switch (marker.Kind)
            {
                case "part":
                    if (marker.Heading is null)
                    {
                        Error(marker.Line, "{part} needs the words of its heading: write “## Our commitments {part}”.");
                        return;
                    }
                    CloseSection();
                    headings.Add(new PartHeading($"part-{headings.Count(h => h.Anchor != "closing") + 1}", marker.Line, marker.Heading));
                    if (region == Region.Sections) strayAfterPart = true;
                    return;
                case "closing":
                    CloseSection();
                    if (closingSeen)
                    {
                        Error(marker.Line, "The closing part has already begun: write {closing} once, above the closing words.");
                        return;
                    }
                    closingSeen = true;
                    region = Region.Closing;
                    running.Reset();
                    if (marker.Heading is { Length: > 0 }) headings.Add(new PartHeading("closing", marker.Line, marker.Heading));
                    return;
                default:
                    OpenSection(marker);
                    return;
            }
        }

        private void OpenSection(Marker marker)
        {
            CloseSection();
            if (region == Region.Closing)
                Error(marker.Line, "A section cannot follow the closing part: {closing} must come after the last section.");
            StatementAudience? audience;
            var fromTitle = marker.Kind == "commitments";
            if (fromTitle)
            {
                audience = titleAudience;
                if (audience is null)
                    Error(marker.Line, $"{{commitments}} takes the audience of the whole statement, and the title sets none. Write it on the " +
                        $"title line (“# Title {{audience=government}}”), or name this section's audience: {{audience=…}}, one of: {AudienceList}.");
            }
            else audience = ParseAudience(marker.Audience ?? "", marker.Line);

            var anchor = "";
            if (audience is { } known)
            {
                var n = audienceCounts[known] = audienceCounts.GetValueOrDefault(known) + 1;
                anchor = n == 1 ? known.Token() : $"{known.Token()}-section-{n}";
            }
            if (region == Region.Preamble) region = Region.Sections;
            strayAfterPart = false;
            section = new SectionBuilder(marker.Heading ?? "", audience ?? StatementAudience.All, anchor, marker.Line, fromTitle);
        }

        private void CloseSection()
        {
            if (section is null) return;
            var s = section;
            section = null;
            if (s.Commitments.Count == 0 && !s.HadContent)
                Error(s.Line, "This section has no commitments. Add numbered commitments (“1. **Title**”) or bullets (“- We will …”) under it, or remove the heading.");
            if (s.Commitments.Count == 1)
                Warn(s.Commitments[0].Line, $"The section {Name(s)} has only one commitment: check that none is missing.");
            previousSectionLast = s.Numbers.LastNumber;
            lastTextAfter = s.TextAfter;
            sections.Add(new StatementSection(s.Heading, s.Audience, s.Anchor, s.Line, s.Commitments)
                { TitleAudience = s.FromTitle, Texts = s.Texts });
        }

        /// <summary>A section as a message names it: its anchor (a value kept as written), or where it is (words to translate).</summary>
        private static object Name(SectionBuilder s)
        {
            if (s.Anchor.Length > 0) return s.Anchor;
            return (DeskText)$"on line {s.Line}";
        }

        private void ReadBlock(Block block, int line)
        {
            if (section is not null) { ReadSectionBlock(section, block, line); return; }
            if (region == Region.Sections && strayAfterPart)
            {
                Error(line, $"This text follows a part heading between sections, where it belongs to no section. Put a section marker " +
                    $"above it ({{audience=…}} or {{commitments}}, alone on a line or ending a ## heading), move it into the preamble, or write {{closing}} above it.");
                return;
            }
            var target = region == Region.Closing ? closing : preamble;
            var prefix = region == Region.Closing ? "closing" : "preamble";
            var keepLines = region == Region.Closing;
            switch (block)
            {
                case ParagraphBlock p:
                {
                    var text = BlockLines(p, null);
                    if (text.Count > 0 && LetteredLine().IsMatch(text[0].Text))
                    {
                        Error(line, $"The lettered item “{text[0].Text[..2]}” is not inside a commitment: lettered items belong under a commitment in a section.");
                        return;
                    }
                    target.Add(new PreambleBlock($"{prefix}-{target.Count + 1}", line, PreambleBlockKind.Paragraph, Join(text, "\n"), []) { KeepLines = keepLines });
                    return;
                }
                case ListBlock { IsOrdered: false } list:
                {
                    var bullets = new List<string>();
                    foreach (var child in list)
                    {
                        if (child is not ListItemBlock item) continue;
                        var paragraphs = ItemParagraphs(item, _ => "A bullet may hold only text: no nested lists, quotes, code or headings.");
                        if (paragraphs.Count == 0)
                            Error(item.Line + 1, "This bullet is empty: write text after the dash, or remove it.");
                        bullets.Add(string.Join("\n", paragraphs.Select(t => Join(t, "\n"))));
                    }
                    target.Add(new PreambleBlock($"{prefix}-{target.Count + 1}", line, PreambleBlockKind.BulletList, "", bullets) { KeepLines = keepLines });
                    return;
                }
                case ListBlock list:
                {
                    var first = true;
                    foreach (var child in list)
                    {
                        if (child is not ListItemBlock item) continue;
                        var number = item.Order;
                        if (first && number == 1) running.Reset();
                        first = false;
                        DeskText where = region == Region.Closing ? "the closing part" : "the preamble";
                        running.Check(number, item.Line + 1, this, $"Paragraph number {number}", where, duplicatesAllowed: false);
                        var paragraphs = ItemParagraphs(item, _ => "A numbered paragraph may hold only text: no nested lists, quotes, code or headings.");
                        if (paragraphs.Count == 0) Error(item.Line + 1, $"Paragraph {number}. is empty: write text after the number, or remove it.");
                        var words = string.Join("\n\n", paragraphs.Select(t => Join(t, "\n")));
                        WarnLongLeadIn(words, item.Line + 1);
                        target.Add(new PreambleBlock($"{prefix}-{target.Count + 1}", item.Line + 1, PreambleBlockKind.Numbered, words, []) { Number = number, KeepLines = keepLines });
                    }
                    return;
                }
                default:
                    if (region == Region.Closing)
                        Error(line, $"The closing part may hold only paragraphs, bullet lists and numbered paragraphs, not {Describe(block)}.");
                    else
                        Error(line, $"The preamble may hold only paragraphs, bullet lists and numbered paragraphs, not {Describe(block)}.");
                    return;
            }
        }

        private void ReadSectionBlock(SectionBuilder s, Block block, int line)
        {
            switch (block)
            {
                case ListBlock list:
                    foreach (var child in list)
                        if (child is ListItemBlock item) ReadCommitment(s, item, bullet: !list.IsOrdered);
                    return;
                case ParagraphBlock p when BlockLines(p, null) is [var first, ..] && LetteredLine().IsMatch(first.Text):
                    s.HadContent = true;
                    Error(line, $"The lettered item “{first.Text[..2]}” is not inside a commitment. Indent it under its commitment " +
                        $"(three spaces under “1. **Title**”), with no blank line between a commitment and its items.");
                    return;
                case ParagraphBlock p:
                    s.Texts.Add(new SectionText($"{(s.Anchor.Length > 0 ? s.Anchor : "section")}-text-{s.Texts.Count + 1}", line, Join(BlockLines(p, null), "\n")));
                    if (s.Commitments.Count > 0) s.TextAfter ??= line;
                    return;
                default:
                    s.HadContent = true;
                    Error(line, $"A section may hold paragraphs and its commitments (numbered, “1. **Title**”, or bullets, “- We will …”), not {Describe(block)}.");
                    return;
            }
        }

        private void ReadCommitment(SectionBuilder s, ListItemBlock item, bool bullet)
        {
            var line = item.Line + 1;
            if (s.Bullets is { } wasBullet && wasBullet != bullet)
                Error(line, $"The section {Name(s)} mixes numbered and bullet commitments: write them all with numbers or all as bullets.");
            s.Bullets ??= bullet;
            s.TextAfter = null;
            int number;
            if (bullet) number = ++s.BulletCount;
            else
            {
                number = item.Order;
                if (s.Numbers.Seen.Count == 0 && number == previousSectionLast + 1 && number > 1) s.Numbers.Continue(previousSectionLast);
                s.Numbers.Check(number, line, this, $"Commitment number {number}", "this section", duplicatesAllowed: false);
            }
            DeskText label;
            if (bullet) label = $"bullet {number}";
            else label = $"commitment {number}";
            var anchor = $"{s.Anchor}-{number}";

            var paragraphs = ItemParagraphs(item, inner => $"A commitment may hold only its bold title, its text and lettered items (a., b., …), not {Describe(inner)}.", allowIndentedCode: true);
            var commitmentTitle = "";
            if (paragraphs.Count > 0 && BoldTitle().Match(paragraphs[0][0].Text) is { Success: true } titleMatch)
            {
                commitmentTitle = titleMatch.Groups["title"].Value.Trim();
                paragraphs[0].RemoveAt(0);
                if (commitmentTitle.Length > LongTitle)
                    Warn(line, $"The bold title of {label} is {commitmentTitle.Length} characters long: a title over {LongTitle} characters reads as a sentence. Shorten it, or remove the ** to make it the commitment's text.");
            }

            var commitmentText = new List<string>();
            var items = new List<ItemBuilder>();
            var letters = new Numbering();
            for (var pi = 0; pi < paragraphs.Count; pi++)
            {
                var newParagraph = true;
                foreach (var l in paragraphs[pi])
                {
                    var m = LetteredLine().Match(l.Text);
                    if (m.Success)
                    {
                        var letter = m.Groups["letter"].Value[0];
                        var itemText = m.Groups["text"].Value.Trim();
                        letters.Check(letter - 'a' + 1, l.Line, this, $"Item {letter}.", label, duplicatesAllowed: false, letters: true);
                        if (itemText.Length == 0)
                            Error(l.Line, $"Item {letter}. of {label} has no text.");
                        items.Add(new ItemBuilder(letter, l.Line, new StringBuilder(itemText)));
                    }
                    else if (items.Count == 0)
                    {
                        if (newParagraph && commitmentText.Count > 0) commitmentText.Add("");
                        commitmentText.Add(l.Text.Trim());
                    }
                    else
                    {
                        items[^1].Text.Append(newParagraph ? "\n\n" : " ").Append(l.Text.Trim());
                    }
                    newParagraph = false;
                }
            }
            var words = string.Join("\n", commitmentText);
            var empty = commitmentTitle.Length == 0 && words.Length == 0 && items.Count == 0;
            if (empty && bullet)
                Error(line, $"Bullet {number} of section {Name(s)} is empty: write its words after the dash, or remove it.");
            else if (empty)
                Error(line, $"Commitment {number} of section {Name(s)} is empty: write its words after the number, or remove it.");
            if (commitmentTitle.Length == 0) WarnLongLeadIn(words, line);
            if (items.Count == 1 && bullet)
                Warn(items[0].Line, $"Bullet {number} has a single lettered item (a. without b.): check that none is missing, or make it the commitment's text.");
            else if (items.Count == 1)
                Warn(items[0].Line, $"Commitment {number} has a single lettered item (a. without b.): check that none is missing, or make it the commitment's text.");

            s.Commitments.Add(new StatementCommitment(number, commitmentTitle, anchor, line,
                items.Select(i => new StatementItem(i.Letter, i.Text.ToString(), $"{anchor}.{i.Letter}", i.Line)).ToArray())
            { Text = words, Bullet = bullet });
        }

        private void WarnLongLeadIn(string words, int line)
        {
            if (BoldLeadIn().Match(words) is { Success: true } lead && lead.Groups["lead"].Value.Length > LongTitle)
                Warn(line, $"The bold words at the start of this paragraph are {lead.Groups["lead"].Value.Length} characters long: " +
                    $"a bold title or lead-in over {LongTitle} characters reads as a sentence. Check where the bold should end.");
        }

        /// <summary>The paragraphs of a list item (lines without indentation or marker), anything else an error.
        /// Lines that continue the item without being indented get a warning.</summary>
        private List<List<SourceLine>> ItemParagraphs(ListItemBlock item, Func<Block, DeskText> refusal, bool allowIndentedCode = false)
        {
            var result = new List<List<SourceLine>>();
            foreach (var inner in item)
            {
                if (inner is ParagraphBlock || (allowIndentedCode && inner is CodeBlock and not FencedCodeBlock))
                {
                    var blockLines = BlockLines((LeafBlock)inner, item);
                    if (blockLines.Count > 0) result.Add(blockLines);
                }
                else
                    Error(inner.Line + 1, refusal(inner));
            }
            WarnAboutLazyLines(item, result);
            return result;
        }

        private void WarnAboutLazyLines(ListItemBlock item, List<List<SourceLine>> paragraphs)
        {
            var first = lines[item.Line];
            var marker = (item.Parent is ListBlock { IsOrdered: true } ? NumberMarker() : BulletMarker()).Match(first);
            var column = marker.Success ? marker.Length : 2;
            foreach (var l in paragraphs.SelectMany(p => p))
            {
                if (l.Line - 1 == item.Line || l.Indent >= column || LetteredLine().IsMatch(l.Text)) continue;
                Warn(l.Line, "This line is not indented, so it continues the list item above it, as Markdown reads it. " +
                    "If it is a paragraph of its own, leave a blank line before it; if it continues the item, indent it.");
                return;
            }
        }

        private void WarnAboutWording(StatementDocument document)
        {
            if (!closingSeen && lastTextAfter is { } after)
                Warn(after, "This paragraph follows the last commitment of the last section, so it is text of that section. " +
                    "If it closes the statement, write {closing} on a line of its own above it.");
            var seen = new Dictionary<string, (string Anchor, int Line)>(StringComparer.Ordinal);
            foreach (var s in document.Sections)
            {
                foreach (var c in s.Commitments)
                {
                    Compare(c.Anchor, c.Line, c.Words, item: false);
                    foreach (var i in c.Items) Compare(i.Anchor, i.Line, i.Text, item: true);
                }
            }

            void Compare(string anchor, int line, string words, bool item)
            {
                var key = string.Join(" ", words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                if (key.Length == 0) return;
                if (!seen.TryGetValue(key, out var earlier)) seen[key] = (anchor, line);
                else if (item) Warn(line, $"The wording of item {anchor} is identical to {earlier.Anchor} (line {earlier.Line}).");
                else Warn(line, $"The wording of commitment {anchor} is identical to {earlier.Anchor} (line {earlier.Line}).");
            }
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
                var raw = lines[i];
                var indent = raw.Length - raw.TrimStart(' ', '\t').Length;
                var l = raw.TrimStart(' ', '\t');
                if (listItem is not null && i == listItem.Line)
                    l = (listItem.Parent is ListBlock { IsOrdered: true } ? NumberMarker() : BulletMarker()).Replace(raw, "", 1).TrimStart(' ', '\t');
                if (l.Length > 0) result.Add(new SourceLine(i + 1, l, indent));
            }
            return result;
        }

        private static string Join(List<SourceLine> text, string separator) => string.Join(separator, text.Select(t => t.Text));

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

        private static DeskText Describe(Block block) => block switch
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

        public void Error(int line, DeskText message) => Errors.Add(new StatementError(Math.Max(1, line), message));

        public void Warn(int line, DeskText message) => Warnings.Add(new StatementWarning(Math.Max(1, line), message));

        /// <summary>A warning that also explains errors the line causes elsewhere (a pasted list mark makes a
        /// commitment plain text, and then its section "has no commitments"): listed with the errors too.</summary>
        public void Hint(int line, DeskText message)
        {
            Warn(line, message);
            Hints.Add(new StatementError(Math.Max(1, line), message));
        }
    }

    /// <summary>Numbers (or letters, 1 = a) as written: a repeated or smaller number is an error (anchors would clash or
    /// go backwards); a skipped one is a warning, since agreed texts sometimes keep a gap.</summary>
    private sealed class Numbering
    {
        public HashSet<int> Seen { get; } = [];
        public int LastNumber { get; private set; }

        public void Reset() { Seen.Clear(); LastNumber = 0; }

        public void Continue(int last) => LastNumber = last;

        /// <summary>Each message written out whole (not a conditional of texts), so that each is one text to translate.</summary>
        public void Check(int number, int line, Reader reader, DeskText what, DeskText where, bool duplicatesAllowed, bool letters = false)
        {
            string Show(int n) => letters ? $"{(char)('a' + n - 1)}." : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var next = Show(LastNumber + 1);
            if (Seen.Contains(number) && !duplicatesAllowed)
            {
                if (letters) reader.Error(line, $"{what} is used twice in {where}. Letter the items a., b., c., … in order.");
                else reader.Error(line, $"{what} is used twice in {where}. Number them 1, 2, 3, … in order.");
            }
            else if (number <= LastNumber)
            {
                if (letters) reader.Error(line, $"{what} is out of order in {where}: the next letter is {next}");
                else reader.Error(line, $"{what} is out of order: the next number in {where} is {next}.");
            }
            else if (number == LastNumber + 2)
                reader.Warn(line, $"{what} skips {next} in {where}: check that nothing is missing.");
            else if (number != LastNumber + 1)
                reader.Warn(line, $"{what} skips {next} to {Show(number - 1)} in {where}: check that nothing is missing.");
            Seen.Add(number);
            LastNumber = Math.Max(LastNumber, number);
        }
    }

    private sealed record SourceLine(int Line, string Text, int Indent);

    private sealed record ItemBuilder(char Letter, int Line, StringBuilder Text);

    private sealed class SectionBuilder(string heading, StatementAudience audience, string anchor, int line, bool fromTitle)
    {
        public string Heading { get; } = heading;
        public StatementAudience Audience { get; } = audience;
        public string Anchor { get; } = anchor;
        public int Line { get; } = line;
        public bool FromTitle { get; } = fromTitle;
        public List<StatementCommitment> Commitments { get; } = [];
        public List<SectionText> Texts { get; } = [];
        public Numbering Numbers { get; } = new();
        public int BulletCount { get; set; }
        public bool? Bullets { get; set; }
        public bool HadContent { get; set; }
        public int? TextAfter { get; set; }
    }
}
