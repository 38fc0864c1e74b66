namespace WeProtect.Summit.Data.Statements;

/// <summary>A paragraph of a section that is not a commitment (<c>In support of this, we commit to:</c>).</summary>
public sealed record SectionText(string Anchor, int Line, string Text);
