namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace
using WeProtect.Summit.Data.Summits;

/// <summary>Organisers: who works this summit's check-in desk besides them (an account's address), and withdrawing
/// that grant. Check-in staff open the check-in desk of this summit and no other management page.</summary>
public class CheckInStaffModel(SummitDbContext db, CheckInStaffDesk desk) : PageModel
{
    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name, string? Email)> Staff { get; private set; } = [];
    [BindProperty] public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct) => await LoadAsync(summitId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(int summitId, CancellationToken ct) =>
        await this.AnswerAsync(await desk.GrantAsync(summitId, Email, User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }),
            async () => await LoadAsync(summitId, ct) ? Page() : NotFound(), field => field);

    public async Task<IActionResult> OnPostRevokeAsync(int summitId, int grantId, CancellationToken ct) =>
        this.Answer(await desk.RevokeAsync(summitId, grantId, User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }));

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return false;
        Summit = summit;
        Staff = (await db.CheckInStaff.AsNoTracking().Where(c => c.SummitId == summitId).OrderBy(c => c.User.FullName)
            .Select(c => new { c.Id, c.User.FullName, c.User.Email }).ToListAsync(ct)).Select(c => (c.Id, c.FullName, c.Email)).ToList();
        return true;
    }
}
