using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Web.Pages.Admin;

/// <summary>Accounts and their roles: an administrator makes a user an organiser (or administrator) and back.</summary>
public class UsersModel(SummitDbContext db, UserManager<SummitUser> users, AccountDesk accounts, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(string Id, string FullName, string Email, bool EmailConfirmed, bool TwoFactor, bool LockedOut, IReadOnlyList<string> Roles);

    public IReadOnlyList<Row> Users { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostGrantAsync(string userId, string role) => await ChangeAsync(userId, role, grant: true);

    public async Task<IActionResult> OnPostRevokeAsync(string userId, string role) => await ChangeAsync(userId, role, grant: false);

    private async Task<IActionResult> ChangeAsync(string userId, string role, bool grant)
    {
        if (!Roles.All.Contains(role)) return BadRequest();
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null) return NotFound();
        if (!grant && role == Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
        {
            Error = T("The last administrator cannot lose the role: make someone else an administrator first.");
            await LoadAsync();
            return Page();
        }
        if (grant == await users.IsInRoleAsync(user, role))
        {
            this.ShowStatus((grant, role) switch
            {
                (true, Roles.Admin) => T("{0} is already an administrator.", user.FullName),
                (true, _) => T("{0} is already an organiser.", user.FullName),
                (false, Roles.Admin) => T("{0} is not an administrator.", user.FullName),
                _ => T("{0} is not an organiser.", user.FullName),
            });
            return RedirectToPage(new { Q });
        }
        var result = grant ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Select(e => T(e.Description)));
            await LoadAsync();
            return Page();
        }
        // A new security stamp signs the user out of stale cookies carrying the old roles.
        await users.UpdateSecurityStampAsync(user);
        await accounts.RoleChangedAsync(user, role, grant, User.ToAuditActor());
        this.ShowStatus((grant, role) switch
        {
            (true, Roles.Admin) => T("{0} is now an administrator.", user.FullName),
            (true, _) => T("{0} is now an organiser.", user.FullName),
            (false, Roles.Admin) => T("{0} is no longer an administrator.", user.FullName),
            _ => T("{0} is no longer an organiser.", user.FullName),
        });
        return RedirectToPage(new { Q });
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

    private string T(string text, params object[] values) => Localization.Translations.OrKey(HttpContext, text, values);
}
