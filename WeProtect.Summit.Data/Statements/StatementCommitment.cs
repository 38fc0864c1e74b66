namespace WeProtect.Summit.Data.Statements;

/// <summary>A commitment: numbered (<see cref="Number"/> as written) or a bullet (<see cref="Bullet"/>; its
/// <see cref="Number"/> is its place in the section, 1, 2, …). <see cref="Title"/> is the bold line that opens it
/// (empty when there is none); <see cref="Text"/> its words after the title and before its lettered items
/// (paragraphs separated by a blank line).</summary>
public sealed record StatementCommitment(int Number, string Title, string Anchor, int Line, IReadOnlyList<StatementItem> Items)
{
    public string Text { get; init; } = "";

    public bool Bullet { get; init; }

    /// <summary>The words compared by anchor: the title alone as before, or the text (after the title and a blank line).</summary>
    public string Words => Text.Length == 0 ? Title : Title.Length == 0 ? Text : $"{Title}\n\n{Text}";
}
