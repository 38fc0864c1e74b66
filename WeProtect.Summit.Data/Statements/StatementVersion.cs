namespace WeProtect.Summit.Data.Statements;

/// <summary>One revision of a statement's text, never changed or deleted once written (the context refuses it).
/// <see cref="Text"/> is canonical (see docs/statement-format.md), so <see cref="ContentHash"/> is its sha256sum.</summary>
public class StatementVersion
{
    public int Id { get; set; }
    public int StatementId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public string ChangeNote { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}
