using Microsoft.Extensions.Localization;

namespace WeProtect.Summit.Web.Statements;

/// <summary>What the consultation page puts in the margin of a rendered statement: per anchor, how many comments and
/// amendments it has, linking to that anchor's discussion. Passed to _StatementDocument as ViewData[Key].</summary>
public sealed record StatementMargin(IReadOnlyDictionary<string, (int Comments, int Amendments)> Counts, Func<string, string> Link)
{
    public const string Key = "StatementMargin";

    public (int Comments, int Amendments) For(string anchor) => Counts.GetValueOrDefault(anchor);

    /// <summary>The counts in the reader's words: a sentence for each case of one or several, so that each language
    /// words its own (English "1 comment", "2 comments"; the others as labels, "Commentaires : 2").</summary>
    public static string Describe((int Comments, int Amendments) c, IStringLocalizer say) => (c.Comments == 1, c.Amendments == 1) switch
    {
        (true, true) => say["1 comment · 1 amendment"],
        (true, false) => say["1 comment · {0} amendments", c.Amendments],
        (false, true) => say["{0} comments · 1 amendment", c.Comments],
        _ => say["{0} comments · {1} amendments", c.Comments, c.Amendments],
    };
}
