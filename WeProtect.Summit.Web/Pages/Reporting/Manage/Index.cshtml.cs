using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Pages.Reporting.Manage;

/// <summary>Organisers: reporting cycles (open one on published statements, window in the summit's zone) and
/// reporting focal points (grant to a user for an organisation, revoke with a reason).</summary>
public class IndexModel(SummitDbContext db, ReportingDesk desk, UserManager<SummitUser> users) : PageModel
{
    public sealed class CycleInput
    {
        [Required(ErrorMessage = "Give the cycle a title."), StringLength(ReportingCycle.TitleMaxLength), Display(Name = "Title")]
        public string Title { get; set; } = "";
        [Required(ErrorMessage = "Choose the summit whose time zone the dates are in."), Display(Name = "Summit (its time zone)")]
        public int? SummitId { get; set; }
        [Display(Name = "Published statements")]
        public List<int> StatementIds { get; set; } = [];
        [Display(Name = "Opens")]
        public DateTime? Opens { get; set; }
        [Display(Name = "Deadline")]
        public DateTime? Deadline { get; set; }
    }

    public sealed class GrantInput
    {
        [Required(ErrorMessage = "Give the e-mail address of the user."), EmailAddress, StringLength(256), Display(Name = "User's e-mail address")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Choose the organisation."), Display(Name = "Organisation")]
        public int? OrganisationId { get; set; }
    }

    public sealed record FocalPointRow(ReportingFocalPoint FocalPoint, string OrganisationName, string UserName, string? Email, bool TwoFactor);

    [BindProperty] public CycleInput Cycle { get; set; } = new();
    [BindProperty] public GrantInput Grant { get; set; } = new();
    [BindProperty, StringLength(ReportingFocalPoint.ReasonMaxLength)] public string? Reason { get; set; }

    public IReadOnlyList<ReportingCycle> Cycles { get; private set; } = [];
    public IReadOnlyList<FocalPointRow> FocalPoints { get; private set; } = [];
    public IReadOnlyList<Statement> Published { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SummitOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!TryValidateModel(Cycle, nameof(Cycle))) return await PageAsync(ct);
        var result = await desk.OpenCycleAsync(Cycle.SummitId!.Value, Cycle.Title, Cycle.Opens, Cycle.Deadline, Cycle.StatementIds, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("Cycle", new { cycleId = result.Value!.Id }), () => PageAsync(ct), field => field switch
        {
            nameof(ReportingCycle.OpensUtc) => "Cycle.Opens",
            nameof(ReportingCycle.DeadlineUtc) => "Cycle.Deadline",
            nameof(ReportingCycle.Statements) => "Cycle.StatementIds",
            _ => "Cycle." + field,
        });
    }

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
        var result = await desk.GrantFocalPointAsync(user.Id, Grant.OrganisationId!.Value, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result.Succeeded ? result with { Text = $"{user.FullName} is now a reporting focal point of the organisation." } : result,
            () => RedirectToPage(), () => PageAsync(ct));
    }

    public async Task<IActionResult> OnPostRevokeAsync(int focalPointId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await desk.RevokeFocalPointAsync(focalPointId, Reason, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(), () => PageAsync(ct));
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.ReportingCycles.AsNoTracking().Include(c => c.Summit).Include(c => c.Statements)
            .OrderByDescending(c => c.DeadlineUtc).ToListAsync(ct);
        FocalPoints = await db.ReportingFocalPoints.AsNoTracking()
            .OrderBy(f => f.Organisation.SortName).ThenBy(f => f.RevokedUtc != null).ThenByDescending(f => f.GrantedUtc)
            .Select(f => new FocalPointRow(f, f.Organisation.FormalName,
                db.Users.Where(u => u.Id == f.UserId).Select(u => u.FullName).FirstOrDefault() ?? "",
                db.Users.Where(u => u.Id == f.UserId).Select(u => u.Email).FirstOrDefault(),
                db.Users.Any(u => u.Id == f.UserId && u.TwoFactorEnabled)))
            .ToListAsync(ct);
        Published = await db.Statements.AsNoTracking().Include(s => s.Summit).Where(Statement.Reportable)
            .OrderByDescending(s => s.CreatedUtc).ToListAsync(ct);
        SummitOptions = await db.Summits.AsNoTracking().OrderByDescending(s => s.StartDate)
            .Select(s => new SelectListItem($"{s.Name} ({s.TimeZoneId})", s.Id.ToString())).ToListAsync(ct);
        OrganisationOptions = await db.Organisations.AsNoTracking().OrderBy(o => o.SortName)
            .Select(o => new SelectListItem(o.FormalName, o.Id.ToString())).ToListAsync(ct);
    }
}
