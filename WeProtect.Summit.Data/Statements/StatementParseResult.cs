namespace WeProtect.Summit.Data.Statements;

/// <summary>Either a document or every error found, never both. <see cref="Canonical"/> and <see cref="Hash"/>
/// are what would be stored. <see cref="Warnings"/> come with a document.</summary>
public sealed record StatementParseResult(
    string Canonical,
    string Hash,
    StatementDocument? Document,
    IReadOnlyList<StatementError> Errors)
{
    public IReadOnlyList<StatementWarning> Warnings { get; init; } = [];

    public bool IsValid => Document is not null;
}
