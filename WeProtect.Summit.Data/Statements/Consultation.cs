namespace WeProtect.Summit.Data.Statements;

/// <summary>A consulted member's remark on one anchor (e.g. <c>government-3.b</c>) of the version they read.
/// It stays attached to that version when the text moves on.</summary>
public class StatementComment
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }
    public int StatementId { get; set; }
    public int StatementVersionId { get; set; }
    public string Anchor { get; set; } = "";
    public string Text { get; set; } = "";
    public string AuthorUserId { get; set; } = "";
    /// <summary>Name and organisation as they were when the comment was made.</summary>
    public string AuthorName { get; set; } = "";
    public int? OrganisationId { get; set; }
    public string? OrganisationName { get; set; }
    public DateTime CreatedUtc { get; set; }
}
