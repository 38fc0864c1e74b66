using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Organisations.Manage;

/// <summary>Organisers: one organisation's periods in the membership register; record that it joined, or that it
/// left (with the reason); correct the day a period began (with the reason, audited).</summary>
public class MembershipModel(SummitDbContext db, MembershipDesk desk) : PageModel
{
    public sealed class JoinInput
    {
        [Display(Name = "Joined on")] public DateOnly? JoinedOn { get; set; }
    }

    public sealed class LeaveInput
    {
        [Display(Name = "Left on")] public DateOnly? LeftOn { get; set; }
        [StringLength(Membership.ReasonMaxLength), Display(Name = "Reason")] public string? Reason { get; set; }
    }

    public sealed class CorrectInput
    {
        [Display(Name = "Period")] public int? MembershipId { get; set; }
        [Display(Name = "Corrected joining date")] public DateOnly? JoinedOn { get; set; }
        [StringLength(Membership.ReasonMaxLength), Display(Name = "Reason for the correction")] public string? Reason { get; set; }
    }

    [BindProperty] public JoinInput Join { get; set; } = new();
    [BindProperty] public CorrectInput Correct { get; set; } = new();
    [BindProperty] public LeaveInput Leave { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Membership> Periods { get; private set; } = [];
    public bool IsMember => Periods.Any(p => p.LeftOn is null);
    /// <summary>The standing statements it endorses: leaving ends those endorsements (MembershipDesk.LeaveAsync).</summary>
    public IReadOnlyList<string> StandingEndorsed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct) => await LoadAsync(organisationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostJoinAsync(int organisationId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ReshowAsync(organisationId, ct);
        var result = await desk.JoinAsync(organisationId, Join.JoinedOn, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { organisationId }), () => ReshowAsync(organisationId, ct));
    }

    public async Task<IActionResult> OnPostLeaveAsync(int organisationId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ReshowAsync(organisationId, ct);
        var result = await desk.LeaveAsync(organisationId, Leave.LeftOn, Leave.Reason, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { organisationId }), () => ReshowAsync(organisationId, ct));
    }

    /// <summary>Corrects the day a period began (organisers and administrators), with a reason for the audit trail.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(int organisationId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ReshowAsync(organisationId, ct);
        if (Correct.MembershipId is not { } membershipId) return NotFound();
        var result = await desk.CorrectJoiningAsync(organisationId, membershipId, Correct.JoinedOn, Correct.Reason, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { organisationId }), () => ReshowAsync(organisationId, ct));
    }

    private async Task<IActionResult> ReshowAsync(int organisationId, CancellationToken ct) => await LoadAsync(organisationId, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int organisationId, CancellationToken ct)
    {
        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct) is not { } organisation) return false;
        Organisation = organisation;
        Periods = await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisationId).OrderBy(m => m.JoinedOn).ToListAsync(ct);
        StandingEndorsed = await db.Endorsements.AsNoTracking().Where(e => e.OrganisationId == organisationId && e.WithdrawnUtc == null)
            .Join(db.Statements.AsNoTracking().Where(s => s.Standing), e => e.StatementId, s => s.Id, (e, s) => s.Title)
            .OrderBy(t => t).ToListAsync(ct);
        return true;
    }
}
