using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Statements;

/// <summary>What a careful drafter checks before a text is final (identical wording, numbering that skips, …). Never
/// blocks saving. The message is said in the reader's language on the page, like <see cref="StatementError"/>'s.</summary>
public sealed record StatementWarning(int Line, DeskText Message)
{
    public override string ToString() => $"Line {Line}: {Message}";
}
