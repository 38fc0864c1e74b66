using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Web.Pages.Admin;

/// <summary>The audit trail, newest first, with the verdict of walking its hash chain.</summary>
public class AuditModel(SummitDbContext db, AuditTrail trail) : PageModel
{
    public const int PageSize = 100;

    public AuditVerification Verification { get; private set; } = null!;
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool HasOlder { get; private set; }

    public async Task OnGetAsync(int p = 1)
    {
        PageNumber = Math.Max(1, p);
        Verification = await trail.VerifyAsync(HttpContext.RequestAborted);
        var rows = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasOlder = rows.Count > PageSize;
        Events = rows.Take(PageSize).ToList();
    }
}
