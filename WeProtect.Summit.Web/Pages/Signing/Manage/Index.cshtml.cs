using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Signing;

namespace WeProtect.Summit.Web.Pages.Signing.Manage;

/// <summary>Organisers: signing authorities (grant on a credentials letter to a user with two-factor authentication,
/// revoke with a reason; several signatories per organisation), and the statements for signature with their live
/// endorsements and "Close signing now". The window, the embargo and opening for signature are the statement's own
/// settings and status, set on its page (Statements/Manage/Edit).</summary>
public class IndexModel(SummitDbContext db, EndorsementDesk desk, StatementDesk statements, TimeProvider clock, UserManager<SummitUser> users) : PageModel
{
    public sealed class GrantInput
    {
        [Required(ErrorMessage = "Give the e-mail address of the user."), EmailAddress, StringLength(256), Display(Name = "User's e-mail address")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Choose the organisation."), Display(Name = "Organisation")]
        public int? OrganisationId { get; set; }
        [Required(ErrorMessage = "Give the reference of the credentials letter."), StringLength(SigningAuthority.EvidenceMaxLength), Display(Name = "Credentials letter reference")]
        public string EvidenceReference { get; set; } = "";
        [Required(ErrorMessage = "Give the date of the credentials letter."), Display(Name = "Date of the letter")]
        public DateOnly? EvidenceDate { get; set; }
    }

    public sealed record AuthorityRow(SigningAuthority Authority, string OrganisationName, string UserName, string? Email, bool TwoFactor);

    public sealed record StatementRow(Statement Statement, int? FinalNumber, int LiveEndorsements);

    [BindProperty] public GrantInput Grant { get; set; } = new();
    [BindProperty, StringLength(SigningAuthority.ReasonMaxLength)] public string? Reason { get; set; }

    public IReadOnlyList<AuthorityRow> Authorities { get; private set; } = [];
    public IReadOnlyList<StatementRow> Statements { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!TryValidateModel(Grant, nameof(Grant))) return await PageAsync(ct);
        var user = await users.FindByEmailAsync(Grant.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("Grant.Email", Localization.Translations.OrKey(HttpContext, "No user has this e-mail address. They need an account first."));
            return await PageAsync(ct);
        }
        var result = await desk.GrantAsync(user.Id, Grant.OrganisationId!.Value, Grant.EvidenceReference, Grant.EvidenceDate!.Value, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result.Succeeded ? result with { Text = $"{user.FullName} may now sign for the organisation." } : result,
            () => RedirectToPage(), () => PageAsync(ct));
    }

    public async Task<IActionResult> OnPostRevokeAsync(int authorityId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await desk.RevokeAsync(authorityId, Reason ?? "", User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(), () => PageAsync(ct));
    }

    public async Task<IActionResult> OnPostCloseAsync(int statementId, bool confirmEarlyClose, CancellationToken ct)
    {
        ModelState.Clear();
        if (await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statementId, ct) is not { } statement) return NotFound();
        var result = await statements.CloseSigningAsync(statement, User.ToAuditActor(), confirmEarlyClose, ct);
        return await this.AnswerAsync(result, () => RedirectToPage(), () => PageAsync(ct));
    }

    /// <summary>Whether closing <paramref name="statement"/> now ends its signing window early (then confirmed).</summary>
    public bool ClosingEndsWindow(Statement statement) => statement.SigningWindowRunsAt(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Authorities = await db.SigningAuthorities.AsNoTracking()
            .OrderBy(a => a.Organisation.SortName).ThenBy(a => a.RevokedUtc != null).ThenByDescending(a => a.GrantedUtc)
            .Select(a => new AuthorityRow(a, a.Organisation.FormalName,
                db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault() ?? "",
                db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
                db.Users.Any(u => u.Id == a.UserId && u.TwoFactorEnabled)))
            .ToListAsync(ct);
        var statements = await db.Statements.AsNoTracking().Include(s => s.Summit).Include(s => s.Versions)
            .Where(s => s.Status != StatementStatus.Draft && s.Status != StatementStatus.Consultation)
            .OrderByDescending(s => s.CreatedUtc).ToListAsync(ct);
        var counts = await db.Endorsements.AsNoTracking().Where(e => e.WithdrawnUtc == null).GroupBy(e => e.StatementId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Statements = statements.Select(s => new StatementRow(s, s.Versions.FirstOrDefault(v => v.Id == s.FinalVersionId)?.Number,
            counts.GetValueOrDefault(s.Id))).ToList();
        OrganisationOptions = await db.Organisations.AsNoTracking().OrderBy(o => o.SortName)
            .Select(o => new SelectListItem(o.FormalName, o.Id.ToString())).ToListAsync(ct);
    }

    public string InZone(Statement s, DateTime utc) => SigningView.InZone(s.Summit, utc);
}
