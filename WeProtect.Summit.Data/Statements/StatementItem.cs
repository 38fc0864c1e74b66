namespace WeProtect.Summit.Data.Statements;

/// <summary>A lettered item (<c>a. text</c>); a continuation paragraph is separated from the one before by a blank line.</summary>
public sealed record StatementItem(char Letter, string Text, string Anchor, int Line);
