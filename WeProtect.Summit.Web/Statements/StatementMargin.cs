namespace WeProtect.Summit.Web.Statements;

/// <summary>What the consultation page puts in the margin of a rendered statement: per anchor, how many comments and
/// amendments it has, linking to that anchor's discussion. Passed to _StatementDocument as ViewData[Key].</summary>
public sealed record StatementMargin(IReadOnlyDictionary<string, (int Comments, int Amendments)> Counts, Func<string, string> Link)
{
    public const string Key = "StatementMargin";

    public (int Comments, int Amendments) For(string anchor) => Counts.GetValueOrDefault(anchor);

    public static string Describe((int Comments, int Amendments) c) =>
        $"{c.Comments} {(c.Comments == 1 ? "comment" : "comments")} · {c.Amendments} {(c.Amendments == 1 ? "amendment" : "amendments")}";
}
