using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace
using WeProtect.Summit.Data.Summits;

/// <summary>Badge printing for a summit: the approved delegates (optionally one category), sorted by organisation
/// then name, each with their own badge and when it was last printed; "print all not yet printed" (a batch through
/// <see cref="BadgeDesk"/>), a reprint of one badge with a reason, the print log, and all shown badges as one PDF
/// in the chosen layout (A6, or 4 or 8 to an A4 sheet). With no approved delegate the page says so instead of
/// handing out an empty PDF.</summary>
public class BadgesModel(SummitDbContext db, BadgeDesk desk, DownloadLog downloads) : PageModel
{
    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    [BindProperty(SupportsGet = true, Name = "category")] public DelegateCategory? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "layout")] public BadgeLayout Layout { get; set; } = BadgeLayout.A6Single;

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Data.Registrations.Registration> Badges { get; private set; } = [];
    public IReadOnlyList<(DelegateCategory Category, int Count)> ByCategory { get; private set; } = [];
    /// <summary>When each shown badge was last printed; absent when never.</summary>
    public IReadOnlyDictionary<int, DateTime> LastPrinted { get; private set; } = new Dictionary<int, DateTime>();
    /// <summary>When a badge the delegate gave up by cancelling was last printed (they registered again: a new code).</summary>
    public IReadOnlyDictionary<int, DateTime> PreviousBadgePrinted { get; private set; } = new Dictionary<int, DateTime>();
    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];
    public int CheckedIn => Badges.Count(r => r.CheckedInUtc is not null);
    public int NotYetPrinted => Badges.Count(r => !LastPrinted.ContainsKey(r.Id));
    /// <summary>Printed before the secretariat corrected the name or position on it.</summary>
    public bool Outdated(Data.Registrations.Registration r) => r.BadgeOutdatedSince(LastPrinted.TryGetValue(r.Id, out var printed) ? printed : null);
    public int OutdatedCount => Badges.Count(Outdated);

    /// <summary>A layout that is not one of the list (a crafted or stale link): answered 400, never printed as A6.</summary>
    private bool LayoutUnknown => !Enum.IsDefined(Layout) || ModelState.GetFieldValidationState("layout") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;

    public sealed record BatchRow(int Id, DateTime CreatedUtc, string PrintedBy, BadgeLayout Layout, string? Reason, int Count, string? Name);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        return Page();
    }

    /// <summary>Every badge shown on the page, as one PDF (not recorded as printed: the batches are).</summary>
    public async Task<IActionResult> OnGetPdfAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        if (LayoutUnknown) return BadRequest();
        if (Badges.Count == 0) return Page();
        var category = Category is { } c ? "-" + c.ToString().ToLowerInvariant() : "";
        await downloads.RecordAsync(User.ToAuditActor(), "badges", Summit, $"Badges of summit {Summit.Id} downloaded as PDF ({DownloadLog.Count(Badges.Count, "badge", "badges")})", ct);
        return await PdfAsync(Badges, BadgePdf.Title(Summit), $"badges-summit-{Summit.Id}{category}.pdf", ct);
    }

    /// <summary>The badges of one batch (those still approved, with the code printed then), in the batch's layout.</summary>
    public async Task<IActionResult> OnGetBatchAsync(int summitId, int batchId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return NotFound();
        Summit = summit;
        var batch = await db.BadgeBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId && b.SummitId == summitId, ct);
        if (batch is null) return NotFound();
        var current = db.BadgePrints.Where(BadgePrint.OfCurrentBadge);
        var registrations = Sorted(await db.Registrations.AsNoTracking().Include(r => r.Organisation)
            .Where(r => r.Status == RegistrationStatus.Approved && current.Any(p => p.BatchId == batchId && p.RegistrationId == r.Id))
            .ToListAsync(ct));
        if (registrations.Count == 0)
        {
            this.ShowStatus(Localization.Translations.OrKey(HttpContext, "None of the badges of that batch is approved any more: nothing to print."), StatusKind.Refused);
            return RedirectToPage(new { summitId });
        }
        Layout = batch.Layout;
        await downloads.RecordAsync(User.ToAuditActor(), "badges", batch, $"Badges of batch {batch.Id} downloaded as PDF ({DownloadLog.Count(registrations.Count, "badge", "badges")})", ct);
        return await PdfAsync(registrations, BadgePdf.Title(Summit, batch.Id), $"badges-summit-{summitId}-batch-{batch.Id}.pdf", ct);
    }

    public async Task<IActionResult> OnPostPrintNewAsync(int summitId, CancellationToken ct)
    {
        if (LayoutUnknown) return BadRequest();
        var result = await desk.PrintNewAsync(summitId, Layout, Category is { } c && Enum.IsDefined(c) ? c : null, User.ToAuditActor(), ct);
        return this.Answer(result, () => result.Value is { } batch
            ? RedirectToPage(new { summitId, batchId = batch.Id, handler = "Batch" })
            : RedirectToPage(new { summitId, category = Category, layout = Layout }));
    }

    public async Task<IActionResult> OnPostReprintAsync(int summitId, int registrationId, string? reason, CancellationToken ct)
    {
        if (LayoutUnknown) return BadRequest();
        var result = await desk.ReprintAsync(summitId, registrationId, reason, Layout, User.ToAuditActor(), ct);
        return this.Answer(result, () => result.Value is { } batch
            ? RedirectToPage(new { summitId, batchId = batch.Id, handler = "Batch" })
            : RedirectToPage(new { summitId, category = Category, layout = Layout }));
    }

    private async Task<FileContentResult> PdfAsync(IReadOnlyList<Data.Registrations.Registration> registrations, string title, string fileName,
        CancellationToken ct)
    {
        // The accreditation photos of these badges, by registration (chunked: a batch can hold thousands of ids).
        var photos = new Dictionary<int, byte[]>();
        foreach (var chunk in registrations.Select(r => r.Id).Chunk(500))
            foreach (var p in await db.Accreditations.AsNoTracking().Where(a => chunk.Contains(a.RegistrationId) && a.Photo != null)
                         .Select(a => new { a.RegistrationId, a.Photo }).ToListAsync(ct))
                photos[p.RegistrationId] = p.Photo!;
        var pdf = BadgePdf.Render(registrations.Select(r => BadgePdf.ContentOf(r, Summit, photos.GetValueOrDefault(r.Id))).ToList(), title, Layout);
        Response.Headers.CacheControl = "no-cache, no-store";
        return File(pdf, BadgePdf.ContentType, fileName);
    }

    private static List<Data.Registrations.Registration> Sorted(IEnumerable<Data.Registrations.Registration> registrations) => registrations
        // Culture-aware, as people read lists: "Côte d'Ivoire" between "China" and "Cuba".
        .OrderBy(r => r.Organisation?.SortName ?? r.ProposedOrganisationName ?? "", NameOrder)
        .ThenBy(r => r.FullName, NameOrder)
        .ThenBy(r => r.Id)
        .ToList();

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return false;
        Summit = summit;
        if (Category is { } c && !Enum.IsDefined(c)) Category = null;
        if (!Enum.IsDefined(Layout)) Layout = BadgeLayout.A6Single;
        var approved = await db.Registrations.AsNoTracking().Include(r => r.Organisation)
            .Where(r => r.SummitId == summitId && r.Status == RegistrationStatus.Approved)
            .ToListAsync(ct);
        ByCategory = approved.GroupBy(r => r.Category).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        Badges = Sorted(approved.Where(r => Category is null || r.Category == Category));
        LastPrinted = await LastPrintsAsync(summitId, BadgePrint.OfCurrentBadge, ct);
        PreviousBadgePrinted = await LastPrintsAsync(summitId, BadgePrint.OfPreviousBadge, ct);
        Batches = await db.BadgeBatches.AsNoTracking().Where(b => b.SummitId == summitId)
            .OrderByDescending(b => b.CreatedUtc).ThenByDescending(b => b.Id)
            .Select(b => new BatchRow(b.Id, b.CreatedUtc, b.PrintedBy, b.Layout, b.Reason, b.Prints.Count,
                b.Reason == null ? null : b.Prints.Select(p => p.Registration.FullName).FirstOrDefault()))
            .ToListAsync(ct);
        return true;
    }

    private Task<Dictionary<int, DateTime>> LastPrintsAsync(int summitId, System.Linq.Expressions.Expression<Func<BadgePrint, bool>> which, CancellationToken ct) =>
        db.BadgePrints.AsNoTracking().Where(p => p.Batch.SummitId == summitId).Where(which)
            .GroupBy(p => p.RegistrationId).Select(g => new { g.Key, Last = g.Max(p => p.Batch.CreatedUtc) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);

    public string Local(DateTime utc) => Summit.ToLocal(utc).ToString("d MMM HH:mm", CultureInfo.CurrentCulture);
}
