using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Statements.Import;

/// <summary>What a Word file became: either a draft text in the statement grammar with the report of what was
/// converted and what was dropped (each line a <see cref="DeskText"/>, said in the reader's language), or a refusal
/// saying why the file cannot be read (never both).</summary>
public sealed record DocxImportResult(
    string? Text, string? Refusal, IReadOnlyList<DeskText> Converted, IReadOnlyList<DeskText> Dropped)
{
    /// <summary>What the drafter adds to finish the draft: for each heading, the title and a closing paragraph, the
    /// marker of the grammar to add and on which line (docs/statement-format.md), in line order.</summary>
    public IReadOnlyList<DeskText> Markers { get; init; } = [];

    public bool Succeeded => Refusal is null;

    public static DocxImportResult Refused(string reason) => new(null, reason, [], []);
}
