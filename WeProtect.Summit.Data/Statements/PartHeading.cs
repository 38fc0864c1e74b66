namespace WeProtect.Summit.Data.Statements;

/// <summary>A heading that groups what follows without naming an audience (<c>## Our commitments {part}</c>,
/// <c>part-N</c>), or the closing part's heading (<c>## Next steps {closing}</c>, anchor <c>closing</c>).</summary>
public sealed record PartHeading(string Anchor, int Line, string Text) : StatementBlock(Anchor, Line);
