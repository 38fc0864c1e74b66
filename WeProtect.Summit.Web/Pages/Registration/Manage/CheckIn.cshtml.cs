using Htmx;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace
using WeProtect.Summit.Data.Summits;

/// <summary>The check-in desk: a USB scanner (or a person) types the badge code into the field and presses Enter.
/// With htmx the post answers only the result, the counter and a fresh, focused field (out-of-band swaps), so the next
/// badge can be scanned at once; without JavaScript the same form posts and the whole page comes back. The check-in
/// itself is <see cref="RegistrationDesk.CheckInAsync"/>: atomic (two desks scanning one badge check it in once) and
/// audited.</summary>
public class CheckInModel(SummitDbContext db, RegistrationDesk desk, TimeProvider clock) : PageModel
{
    public const int RecentCount = 8;

    [BindProperty] public string? Code { get; set; }

    public Summit Summit { get; private set; } = null!;
    public int Approved { get; private set; }
    public int CheckedIn { get; private set; }
    public IReadOnlyList<Data.Registrations.Registration> Recent { get; private set; } = [];

    /// <summary>The last scan's outcome; null before any scan.</summary>
    public ScanResult? Result { get; private set; }

    public sealed record ScanResult(
        RegistrationDesk.CheckInOutcome Outcome,
        string Code,
        Data.Registrations.Registration? Registration,
        string? CheckedInAt,
        string? OtherSummitName);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        await LoadFiguresAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var code = Code?.Trim() ?? "";
        if (code.Length > 0)
        {
            var scan = await desk.CheckInAsync(summitId, code, User.ToAuditActor(), ct);
            string? otherSummit = null;
            if (scan.Outcome == RegistrationDesk.CheckInOutcome.Unknown && code.Length <= 64)
            {
                // A badge from another summit (last year's, say) is a different answer at the desk from a typo.
                otherSummit = await db.Registrations.AsNoTracking()
                    .Where(r => r.BadgeCode == code && r.SummitId != summitId)
                    .Select(r => r.Summit.Name).FirstOrDefaultAsync(ct);
            }
            Result = new ScanResult(scan.Outcome, code, scan.Registration,
                scan.Registration?.CheckedInUtc is { } at ? When(at) : null, otherSummit);
        }
        await LoadFiguresAsync(ct);
        Code = null; // the field comes back empty for the next badge
        ModelState.Remove(nameof(Code));
        if (code.Length == 0) ModelState.AddModelError(nameof(Code), "Type or scan the code printed under the badge's QR code.");

        Response.Headers.CacheControl = "no-cache, no-store";
        if (Request.IsHtmx()) return Partial("_CheckInResponse", this);
        return Page();
    }

    /// <summary>"09:14" today in the summit's time zone, "09:14 on 11 December" another day.</summary>
    private string When(DateTime utc)
    {
        var local = Summit.ToLocal(utc);
        var today = DateOnly.FromDateTime(Summit.ToLocal(clock.GetUtcNow().UtcDateTime));
        return DateOnly.FromDateTime(local) == today
            ? local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : local.ToString("HH:mm 'on' d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    }

    private async Task<bool> LoadSummitAsync(int summitId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return false;
        Summit = summit;
        return true;
    }

    private async Task LoadFiguresAsync(CancellationToken ct)
    {
        var approved = db.Registrations.AsNoTracking().Where(r => r.SummitId == Summit.Id && r.Status == RegistrationStatus.Approved);
        Approved = await approved.CountAsync(ct);
        CheckedIn = await approved.CountAsync(r => r.CheckedInUtc != null, ct);
        Recent = await approved.Where(r => r.CheckedInUtc != null).Include(r => r.Organisation)
            .OrderByDescending(r => r.CheckedInUtc).ThenByDescending(r => r.Id).Take(RecentCount).ToListAsync(ct);
    }

    public string LocalTime(DateTime utc) => Summit.ToLocal(utc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
