namespace WeProtect.Summit.Data.Statements;

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
