namespace WeProtect.Summit.Data.Statements;

/// <summary>A statement's text in another language than its authoritative one: an immutable version (never changed or
/// deleted once written: the context refuses it), in the same grammar, canonical, with its own SHA-256, translating one
/// authoritative <see cref="StatementVersion"/> (<see cref="StatementVersionId"/>) whose anchors it has exactly
/// (<see cref="TranslationStructure"/>). A new translation in the same language is a new <see cref="Number"/>; the
/// latest one of a language for a version is the one shown, signed beside and published.</summary>
public class StatementTranslation
{
    public int Id { get; set; }
    public int StatementId { get; set; }
    /// <summary>The authoritative version this text translates.</summary>
    public int StatementVersionId { get; set; }
    /// <summary>The language, a code of <see cref="Languages.InterfaceLanguages"/> ("fr", "es", "ar").</summary>
    public string Language { get; set; } = "";
    /// <summary>1, 2, … per statement and language.</summary>
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string? AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}
