namespace WeProtect.Summit.Data.Statements;

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
