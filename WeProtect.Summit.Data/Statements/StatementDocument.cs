namespace WeProtect.Summit.Data.Statements;

/// <summary>A statement's text read into its parts. Only a text without errors becomes a document.</summary>
/// <remarks><see cref="Preamble"/> and <see cref="Sections"/> are the parts a statement always had; <see cref="Headings"/>
/// (<c>{part}</c> and a <c>{closing}</c> heading) and <see cref="Closing"/> came with the shapes of real statements.
/// <see cref="Body"/> gives all of them in reading order.</remarks>
public sealed record StatementDocument(
    string Title,
    IReadOnlyList<PreambleBlock> Preamble,
    IReadOnlyList<StatementSection> Sections)
{
    /// <summary>The audience set once for the whole statement on its title line (<c># Title {audience=government}</c>),
    /// or null when only its sections name audiences.</summary>
    public StatementAudience? Audience { get; init; }

    /// <summary>Part headings (<c>## Our commitments {part}</c>, anchored <c>part-N</c>) and the closing part's heading
    /// (<c>## … {closing}</c>, anchored <c>closing</c>).</summary>
    public IReadOnlyList<PartHeading> Headings { get; init; } = [];

    /// <summary>The closing part after <c>{closing}</c>: paragraphs, bullet lists, numbered paragraphs, anchored
    /// <c>closing-1</c>, <c>closing-2</c>, …</summary>
    public IReadOnlyList<PreambleBlock> Closing { get; init; } = [];

    /// <summary>Who the statement speaks to: the title's audience and every section's, once each, in order of first
    /// appearance. <see cref="StatementAudience.All"/> among them means every sector.</summary>
    public IReadOnlyList<StatementAudience> Audiences =>
        (Audience is { } a ? new[] { a } : []).Concat(Sections.Select(s => s.Audience)).Distinct().ToArray();

    /// <summary>True when an organisation of a sector with this audience token may endorse: some audience of the
    /// statement is <c>all</c> or that sector's own.</summary>
    public bool SpeaksTo(StatementAudience sector) =>
        Audiences.Any(a => a == StatementAudience.All || a == sector);

    /// <summary>Every block in reading order: preamble blocks, part headings, sections, the closing heading and blocks.</summary>
    public IEnumerable<StatementBlock> Body() =>
        Preamble.Cast<StatementBlock>().Concat(Headings).Concat(Sections).Concat(Closing).OrderBy(b => b.Line);

    /// <summary>Every anchored part with its own words, in reading order: a preamble or closing block (a list's bullets
    /// one per line), a part heading, a section's heading, a section's text, a commitment's title and text, an item's
    /// text. What a comparison by anchor compares.</summary>
    public IEnumerable<(string Anchor, string Text)> Parts()
    {
        foreach (var block in Body())
        {
            switch (block)
            {
                case PreambleBlock p:
                    yield return (p.Anchor, p.Words);
                    break;
                case PartHeading h:
                    yield return (h.Anchor, h.Text);
                    break;
                case StatementSection s:
                    yield return (s.Anchor, s.Marker);
                    foreach (var part in s.Content())
                    {
                        switch (part)
                        {
                            case SectionText t:
                                yield return (t.Anchor, t.Text);
                                break;
                            case StatementCommitment c:
                                yield return (c.Anchor, c.Words);
                                foreach (var i in c.Items) yield return (i.Anchor, i.Text);
                                break;
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>Every anchor in reading order (those of <see cref="Parts"/>).</summary>
    public IEnumerable<string> Anchors() => Parts().Select(p => p.Anchor);
}

/// <summary>Anything at the top level of a statement's body, with its anchor and 1-based first line.</summary>
public abstract record StatementBlock(string Anchor, int Line);

/// <summary>How a block of running text is written.</summary>
public enum PreambleBlockKind
{
    /// <summary>A paragraph (its lines joined as Markdown joins them; in the closing part each line is shown on its own).</summary>
    Paragraph,
    /// <summary>A bullet list, one anchor for the whole list.</summary>
    BulletList,
    /// <summary>One numbered paragraph (<c>1. **Recognise …:** text</c>), its own anchor, its number as written.</summary>
    Numbered,
}

/// <summary>A block of running text in the preamble (<c>preamble-N</c>) or the closing part (<c>closing-N</c>): a
/// paragraph (<see cref="Text"/>), a bullet list (<see cref="Bullets"/>) or a numbered paragraph (<see cref="Number"/>
/// and <see cref="Text"/>; its further paragraphs separated by a blank line). Text keeps its inline Markdown.</summary>
public sealed record PreambleBlock(string Anchor, int Line, PreambleBlockKind Kind, string Text, IReadOnlyList<string> Bullets)
    : StatementBlock(Anchor, Line)
{
    /// <summary>The number written before a numbered paragraph; 0 for other kinds.</summary>
    public int Number { get; init; }

    /// <summary>True in the closing part, whose paragraphs keep their line breaks (signature-style lines).</summary>
    public bool KeepLines { get; init; }

    /// <summary>The block's words as compared and amended: a list's bullets one per line.</summary>
    public string Words => Kind == PreambleBlockKind.BulletList ? string.Join("\n", Bullets) : Text;
}

/// <summary>A heading that groups what follows without naming an audience (<c>## Our commitments {part}</c>,
/// <c>part-N</c>), or the closing part's heading (<c>## Next steps {closing}</c>, anchor <c>closing</c>).</summary>
public sealed record PartHeading(string Anchor, int Line, string Text) : StatementBlock(Anchor, Line);

/// <summary>A section of commitments for one audience: <c>## Heading {audience=…}</c>, <c>## Heading {commitments}</c>
/// (the title's audience), or the same marker alone on a line (no heading: <see cref="Heading"/> is empty).</summary>
public sealed record StatementSection(
    string Heading,
    StatementAudience Audience,
    string Anchor,
    int Line,
    IReadOnlyList<StatementCommitment> Commitments) : StatementBlock(Anchor, Line)
{
    /// <summary>True for <c>{commitments}</c>: the audience is the title's, not written on the section.</summary>
    public bool TitleAudience { get; init; }

    /// <summary>Paragraphs of the section that are not commitments (an introducing sentence, words between two lists),
    /// anchored <c>{section}-text-N</c>.</summary>
    public IReadOnlyList<SectionText> Texts { get; init; } = [];

    /// <summary>The heading's words with its marker, as compared by anchor.</summary>
    public string Marker => (Heading.Length > 0 ? Heading + " " : "") + (TitleAudience ? "{commitments}" : $"{{audience={Audience.Token()}}}");

    /// <summary>The section's texts and commitments in reading order.</summary>
    public IEnumerable<object> Content() =>
        Texts.Select(t => ((object)t, t.Line)).Concat(Commitments.Select(c => ((object)c, c.Line))).OrderBy(x => x.Line).Select(x => x.Item1);
}

/// <summary>A paragraph of a section that is not a commitment (<c>In support of this, we commit to:</c>).</summary>
public sealed record SectionText(string Anchor, int Line, string Text);

/// <summary>A commitment: numbered (<see cref="Number"/> as written) or a bullet (<see cref="Bullet"/>; its
/// <see cref="Number"/> is its place in the section, 1, 2, …). <see cref="Title"/> is the bold line that opens it
/// (empty when there is none); <see cref="Text"/> its words after the title and before its lettered items
/// (paragraphs separated by a blank line).</summary>
public sealed record StatementCommitment(int Number, string Title, string Anchor, int Line, IReadOnlyList<StatementItem> Items)
{
    public string Text { get; init; } = "";

    public bool Bullet { get; init; }

    /// <summary>The words compared by anchor: the title alone as before, or the text (after the title and a blank line).</summary>
    public string Words => Text.Length == 0 ? Title : Title.Length == 0 ? Text : $"{Title}\n\n{Text}";
}

/// <summary>A lettered item (<c>a. text</c>); a continuation paragraph is separated from the one before by a blank line.</summary>
public sealed record StatementItem(char Letter, string Text, string Anchor, int Line);

/// <summary>One thing wrong with a text, on a 1-based line of the (canonical, which has the same lines) text.</summary>
public sealed record StatementError(int Line, string Message)
{
    public override string ToString() => $"Line {Line}: {Message}";
}

/// <summary>What a careful drafter checks before a text is final (identical wording, numbering that skips, …). Never
/// blocks saving.</summary>
public sealed record StatementWarning(int Line, string Message)
{
    public override string ToString() => $"Line {Line}: {Message}";
}

/// <summary>Either a document or every error found, never both. <see cref="Canonical"/> and <see cref="Hash"/>
/// are what would be stored. <see cref="Warnings"/> come with a document.</summary>
public sealed record StatementParseResult(
    string Canonical,
    string Hash,
    StatementDocument? Document,
    IReadOnlyList<StatementError> Errors)
{
    public IReadOnlyList<StatementWarning> Warnings { get; init; } = [];

    public bool IsValid => Document is not null;
}
