using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Web.Pages.Admin;

/// <summary>Accounts and their roles: an administrator makes a user an organiser (or administrator) and back.</summary>
public class UsersModel(SummitDbContext db, RoleDesk roles, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(string Id, string FullName, string Email, bool EmailConfirmed, bool TwoFactor, bool LockedOut, IReadOnlyList<string> Roles)
    {
        public bool IsErased => Data.Retention.PersonalDataCatalogue.IsErasedAddress(Email);
    }

    public IReadOnlyList<Row> Users { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostGrantAsync(string userId, string role) => await ChangeAsync(userId, role, grant: true);

    public async Task<IActionResult> OnPostRevokeAsync(string userId, string role) => await ChangeAsync(userId, role, grant: false);

    /// <summary>A button: the desk's answer (done, already so, or refused) as the status line, then the list again.</summary>
    private async Task<IActionResult> ChangeAsync(string userId, string role, bool grant)
    {
        if (!Roles.All.Contains(role)) return BadRequest();
        var result = await roles.ChangeAsync(userId ?? "", role, grant, User.ToAuditActor(), HttpContext.RequestAborted);
        return this.Answer(result, () => RedirectToPage(new { Q }));
    }

    private async Task LoadAsync()
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.FullName.ToUpper().Contains(q) || u.NormalizedEmail!.Contains(q));
        }
        var page = await query.OrderBy(u => u.FullName).Take(PageSize)
            .Select(u => new { u.Id, u.FullName, u.Email, u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd }).ToListAsync();
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        Users = page.Select(u => new Row(u.Id, u.FullName, u.Email ?? "", u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd > now,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList())).ToList();
    }
}
