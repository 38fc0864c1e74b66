using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Web.Signing;

namespace WeProtect.Summit.Web.Pages.Signing;

/// <summary>"Statements to sign": for each organisation the user may sign for (live authority), the statements open
/// for signature that speak to its sector, with version, hash, closing time and the organisation's endorsement.</summary>
public class IndexModel(SummitDbContext db, UserManager<SummitUser> users, TimeProvider clock) : PageModel
{
    public sealed record Row(int StatementId, string Title, string SummitName, int VersionNumber, string Hash, string Closes, string? Refusal,
        Endorsement? Live, int Withdrawals);

    public sealed record OrganisationRows(int OrganisationId, string Name, IReadOnlyList<Row> Rows);

    public bool TwoFactorEnabled { get; private set; }
    public IReadOnlyList<OrganisationRows> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        TwoFactorEnabled = await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, ct);
        var organisations = await db.SigningAuthorities.AsNoTracking().Unrevoked().Where(a => a.UserId == userId)
            .Select(a => a.Organisation).OrderBy(o => o.SortName).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var list = new List<OrganisationRows>();
        foreach (var organisation in organisations)
        {
            var rows = new List<Row>();
            foreach (var (statement, final, refusal) in await SigningView.OpenStatementsAsync(db, organisation.Sector, now, ct))
            {
                var endorsements = await db.Endorsements.AsNoTracking()
                    .Where(e => e.StatementId == statement.Id && e.OrganisationId == organisation.Id).ToListAsync(ct);
                rows.Add(new Row(statement.Id, statement.Title, statement.Summit.Name, final.Number, final.ContentHash,
                    // A published statement still taking late endorsements has no closing time left to show.
                    statement.AcceptsStandingEndorsements ? Localization.Translations.OrKey(HttpContext, "Standing statement: open at any time")
                    : statement.AcceptsLateEndorsements ? Localization.Translations.OrKey(HttpContext, "Published; open for late endorsements") : SigningView.InZone(statement.Summit, statement.SigningClosesUtc!.Value),
                    refusal is null ? null : Localization.Translations.Of(HttpContext, refusal),
                    endorsements.FirstOrDefault(e => e.IsLive), endorsements.Count(e => !e.IsLive)));
            }
            list.Add(new OrganisationRows(organisation.Id, organisation.FormalName, rows));
        }
        Organisations = list;
    }
}
