namespace WeProtect.Summit.Data.Statements;

/// <summary>What a careful drafter checks before a text is final (identical wording, numbering that skips, …). Never
/// blocks saving.</summary>
public sealed record StatementWarning(int Line, string Message)
{
    public override string ToString() => $"Line {Line}: {Message}";
}
