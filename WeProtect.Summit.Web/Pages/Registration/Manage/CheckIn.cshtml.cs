using Htmx;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace
using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Localization;

/// <summary>The check-in desk: a USB scanner (or a person) types the badge code into the field and presses Enter
/// (any case; spaces and dashes ignored), or an organiser types part of a name and picks the delegate. With htmx the
/// post answers only the result, the counter and a fresh, focused field (out-of-band swaps), so the next badge can be
/// scanned at once; without JavaScript the same forms post and the whole page comes back. A check-in can be undone
/// from the result. Check-in and undo are <see cref="BadgeDesk"/>'s: atomic and audited.</summary>
public class CheckInModel(SummitDbContext db, BadgeDesk desk, Accounts.CheckInAccess access, TimeProvider clock) : PageModel
{
    /// <summary>A typed or scanned code as the result card repeats it: a badge code is short, so anything far longer
    /// (a pasted page, a wrong scan) is cut, not echoed whole.</summary>
    public static string Shown(string? code) => code is null ? "" : code.Length <= 40 ? code : code[..40] + "…";

    public const int RecentCount = 8;
    public const int MatchLimit = 20;

    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public Summit Summit { get; private set; } = null!;
    public int Approved { get; private set; }
    public int CheckedIn { get; private set; }
    public IReadOnlyList<Data.Registrations.Registration> Recent { get; private set; } = [];
    /// <summary>Registrations whose name, e-mail address or organisation holds every word of <see cref="Query"/>; null when nobody searched.</summary>
    public IReadOnlyList<BadgeDesk.Found>? Matches { get; private set; }

    /// <summary>The last scan's outcome; null before any scan.</summary>
    public ScanResult? Result { get; private set; }
    /// <summary>Whether the scanned delegate has an accreditation photo, shown for the desk to compare with the face.</summary>
    public bool ResultHasPhoto { get; private set; }
    /// <summary>The scanned delegate's access needs as ticked on their form (not the dietary ones: the caterer's).</summary>
    public IReadOnlyList<Data.Questions.Need> ResultAccessNeeds { get; private set; } = [];
    /// <summary>What an undo did (or why it did nothing).</summary>
    public string? UndoMessage { get; private set; }

    public sealed record ScanResult(
        BadgeDesk.CheckInOutcome Outcome,
        string Code,
        Data.Registrations.Registration? Registration,
        string? CheckedInAt,
        string? OtherSummitName);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        await SearchAsync(ct);
        Response.Headers.CacheControl = "no-cache, no-store";
        if (Request.IsHtmx() && Request.Query.ContainsKey("q")) return Partial("_CheckInSearch", this);
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
            if (scan.Outcome == BadgeDesk.CheckInOutcome.Unknown && BadgeCodes.Normalise(code) is { } normalised)
            {
                // A badge from another summit (last year's, say) is a different answer at the desk from a typo.
                otherSummit = await db.Registrations.AsNoTracking()
                    .Where(r => r.BadgeCode == normalised && r.SummitId != summitId)
                    .Select(r => r.Summit.Name).FirstOrDefaultAsync(ct);
            }
            Result = Describe(scan, code, otherSummit);
        }
        return await AnswerAsync(ct, emptyCode: code.Length == 0);
    }

    /// <summary>Checks in the delegate picked from the name search.</summary>
    public async Task<IActionResult> OnPostPersonAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var scan = await desk.CheckInRegistrationAsync(summitId, registrationId, User.ToAuditActor(), ct);
        if (scan.Registration is null) return NotFound();
        Result = Describe(scan, "", null);
        Query = null;
        return await AnswerAsync(ct);
    }

    public async Task<IActionResult> OnPostUndoAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var result = await desk.UndoCheckInAsync(summitId, registrationId, User.ToAuditActor(), ct);
        if (result.Answer == Data.Desks.DeskAnswer.NotFound) return NotFound();
        UndoMessage = Localization.Translations.Of(HttpContext, result.Text);
        return await AnswerAsync(ct);
    }

    private async Task<IActionResult> AnswerAsync(CancellationToken ct, bool emptyCode = false)
    {
        await LoadFiguresAsync(ct);
        if (Result?.Registration is { } scanned)
        {
            ResultHasPhoto = await db.Accreditations.AnyAsync(a => a.RegistrationId == scanned.Id && a.Photo != null, ct);
            ResultAccessNeeds = (await db.RegistrationNeeds.Where(n => n.RegistrationId == scanned.Id).Select(n => n.Need).ToListAsync(ct))
                .Where(n => !Data.Questions.NeedNames.IsDietary(n)).Order().ToList();
        }
        Code = null; // the field comes back empty for the next badge
        ModelState.Remove(nameof(Code));
        if (emptyCode) ModelState.AddModelError(nameof(Code), Localization.Translations.OrKey(HttpContext, "Type or scan the code printed under the badge's QR code."));
        Response.Headers.CacheControl = "no-cache, no-store";
        if (Request.IsHtmx()) return Partial("_CheckInResponse", this);
        return Page();
    }

    private ScanResult Describe(BadgeDesk.CheckIn scan, string code, string? otherSummit) =>
        new(scan.Outcome, code, scan.Registration, scan.Registration?.CheckedInUtc is { } at ? When(at) : null, otherSummit);

    /// <summary>Every word typed must be in the name, e-mail address or organisation (any case, any accent), so
    /// "ana lima" finds "Ana Maria Lima".</summary>
    private async Task SearchAsync(CancellationToken ct) => Matches = await desk.FindAsync(Summit.Id, Query, MatchLimit, ct);

    /// <summary>"09:14" today in the summit's time zone, "09:14 on 11 December" another day.</summary>
    private string When(DateTime utc)
    {
        var local = Summit.ToLocal(utc);
        var today = DateOnly.FromDateTime(Summit.ToLocal(clock.GetUtcNow().UtcDateTime));
        return DateOnly.FromDateTime(local) == today
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : Localization.Translations.OrKey(HttpContext, "{0} on {1}", local.ToString("HH:mm", CultureInfo.InvariantCulture), local.Said("d MMMM", CultureInfo.CurrentCulture));
    }

    /// <summary>Organisers, or check-in staff of this summit (in a session that used two-step verification where staff
    /// need it: they are told how): anyone else is forbidden (see PageAccess).</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var summitId = context.HandlerArguments.TryGetValue("summitId", out var id) && id is int i ? i : 0;
        IsOrganiser = User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);
        switch (await access.ForAsync(User, summitId, HttpContext.RequestAborted))
        {
            case Accounts.CheckInAccess.Answer.Closed: context.Result = Forbid(); return;
            case Accounts.CheckInAccess.Answer.NeedsTwoStep: context.Result = RedirectToPage("/Account/AccessDenied", new { why = Pages.Account.AccessDeniedModel.TwoStepForCheckIn }); return;
        }
        await next();
    }

    /// <summary>False for check-in staff: the page then shows no links to the organisers' other pages.</summary>
    public bool IsOrganiser { get; private set; }

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

    public string LocalTime(DateTime utc) => Summit.ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture);
}
