using Htmx;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Pages.Signing;

/// <summary>The public "Agreed by" list of a statement (open for signature or later): the organisations with a live
/// endorsement, by sector or in one list as the statement's layout says, in <see cref="AgreedBy"/>'s order with the configured culture (<c>Signing:Culture</c>,
/// invariant by default), and the count. While the statement's list is embargoed and it is not published, only the
/// count. Never cached: it changes with every signature; an htmx poll refreshes the list every 30 seconds.</summary>
public class AgreedByModel(SummitDbContext db, IConfiguration configuration) : PageModel
{
    public Statement Statement { get; private set; } = null!;
    public int Count { get; private set; }
    public bool Embargoed { get; private set; }
    public IReadOnlyList<AgreedByGroup> Groups { get; private set; } = [];
    /// <summary>Organisations that endorsed and withdrew: a public list explains a name that is gone (none while embargoed).</summary>
    public IReadOnlyList<FormerSignatory> Withdrawn { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int statementId, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null || !statement.HasOpenedForSignature) return NotFound();
        Statement = statement;
        var list = await AgreedBy.LoadAsync(db, statementId, AgreedBy.Comparison(configuration["Signing:Culture"]), ct);
        Count = list.Count;
        // A standing statement's list grows as members join: each endorsement shows at once.
        Embargoed = statement.SignatoriesEmbargoed && !statement.Standing && statement.Status != StatementStatus.Published;
        Groups = Embargoed ? [] : list.Groups;
        Withdrawn = Embargoed ? [] : await FormerSignatory.LoadAsync(db, statementId, ct);
        Response.Headers.CacheControl = "no-cache, no-store";
        if (Request.IsHtmx()) return Partial("_AgreedByList", this);
        return Page();
    }
}
