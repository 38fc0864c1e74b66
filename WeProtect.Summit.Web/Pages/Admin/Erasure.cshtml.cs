using WeProtect.Summit.Data.Retention;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Admin;

/// <summary>Administrators: users' requests to have their data erased, and carrying them out (the catalogue's rules;
/// the account is pseudonymised and closed, its mail copies in the pick-up folder deleted). Times are UTC: an account
/// belongs to no one summit.</summary>
public class ErasureModel(SummitDbContext db, ErasureDesk desk, PickupFolderEraser pickup) : PageModel
{
    public sealed record Row(int Id, string UserId, string Name, string? Email, DateTime RequestedUtc, DateTime? CarriedOutUtc);

    public IReadOnlyList<Row> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Requests = await db.ErasureRequests.AsNoTracking().OrderBy(r => r.CarriedOutUtc != null).ThenByDescending(r => r.RequestedUtc)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new Row(r.Id, r.UserId, u.FullName, u.Email, r.RequestedUtc, r.CarriedOutUtc))
            .ToListAsync(ct);

    /// <summary>Erases one person in every summit: irreversible, so only with the box of the request's own form ticked
    /// (a form inside a disclosure, as cancelling a seat; works without JavaScript).</summary>
    public async Task<IActionResult> OnPostCarryOutAsync(int requestId, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext,
                "Tick the box to confirm the erasure: it erases the person in every summit and cannot be undone. Nothing was erased."));
            await OnGetAsync(ct);
            return Page();
        }
        var result = await desk.CarryOutAsync(requestId, User.ToAuditActor(), ct);
        if (result.Succeeded && result.Value is { Length: > 0 } address) pickup.DeleteAddressedTo(address);
        return this.Answer(result, () => RedirectToPage());
    }
}
