namespace WeProtect.Summit.Data.Statements;

/// <summary>One thing wrong with a text, on a 1-based line of the (canonical, which has the same lines) text.</summary>
public sealed record StatementError(int Line, string Message)
{
    public override string ToString() => $"Line {Line}: {Message}";
}
