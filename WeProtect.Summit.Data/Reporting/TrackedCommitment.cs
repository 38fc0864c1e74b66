using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Reporting;

/// <summary>A commitment or lettered item of a statement's final text (its anchor, e.g. <c>government-3.b</c>), with
/// the audience of the section it stands in.</summary>
public sealed record TrackedCommitment(int StatementId, string Anchor, string Text, StatementAudience Audience)
{
    /// <summary>The key of a commitment within a cycle (a cycle may cover several statements).</summary>
    public string Key => KeyOf(StatementId, Anchor);

    public static string KeyOf(int statementId, string anchor) => $"{statementId}/{anchor}";
}
