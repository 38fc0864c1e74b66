using WeProtect.Summit.Data.Retention;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Admin;

/// <summary>Administrators: users' requests to have their data erased, and carrying them out (the catalogue's rules;
/// the account is pseudonymised and closed, its mail copies in the pick-up folder deleted).</summary>
public class ErasureModel(SummitDbContext db, ErasureDesk desk, PickupFolderEraser pickup) : PageModel
{
    public sealed record Row(int Id, string UserId, string Name, string? Email, DateTime RequestedUtc, DateTime? CarriedOutUtc);

    public IReadOnlyList<Row> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Requests = await db.ErasureRequests.AsNoTracking().OrderBy(r => r.CarriedOutUtc != null).ThenByDescending(r => r.RequestedUtc)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new Row(r.Id, r.UserId, u.FullName, u.Email, r.RequestedUtc, r.CarriedOutUtc))
            .ToListAsync(ct);

    public async Task<IActionResult> OnPostCarryOutAsync(int requestId, CancellationToken ct)
    {
        var result = await desk.CarryOutAsync(requestId, User.ToAuditActor(), ct);
        if (result.Succeeded && result.Value is { Length: > 0 } address) pickup.DeleteAddressedTo(address);
        return this.Answer(result, () => RedirectToPage());
    }
}
