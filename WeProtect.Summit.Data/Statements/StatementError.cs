using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Statements;

/// <summary>One thing wrong with a text, on a 1-based line of the (canonical, which has the same lines) text. The
/// message is said in the reader's language on the page (see <see cref="DeskText"/>); <see cref="ToString"/> is English.</summary>
public sealed record StatementError(int Line, DeskText Message)
{
    public override string ToString() => $"Line {Line}: {Message}";
}
