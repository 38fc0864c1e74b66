namespace WeProtect.Summit.Web.Infrastructure.Tables;

/// <summary>What a table's caption tells the table's scrolling region: the id that names it. Passed from the table to
/// its caption through the tag helper context, which children see and parents do not otherwise.</summary>
internal sealed class TableCaption(string newId)
{
    /// <summary>The id the caption gets when it has none of its own.</summary>
    public string NewId { get; } = newId;

    /// <summary>The caption's id, once a caption has been written inside the table; null when there is none.</summary>
    public string? Id { get; set; }
}
