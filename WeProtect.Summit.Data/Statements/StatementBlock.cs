namespace WeProtect.Summit.Data.Statements;

/// <summary>Anything at the top level of a statement's body, with its anchor and 1-based first line.</summary>
public abstract record StatementBlock(string Anchor, int Line);
