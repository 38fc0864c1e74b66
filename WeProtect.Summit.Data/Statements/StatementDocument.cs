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
    /// appearance. <see cref="StatementAudience.All"/> among them means every sector; <c>Statement.SpeaksTo</c> decides
    /// who may endorse.</summary>
    public IReadOnlyList<StatementAudience> Audiences =>
        (Audience is { } a ? new[] { a } : []).Concat(Sections.Select(s => s.Audience)).Distinct().ToArray();

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
