using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace
using WeProtect.Summit.Data.Summits;

/// <summary>Badge printing for a summit: the approved delegates (optionally one category), sorted by organisation
/// then name, each with their own badge, and all of them as one PDF (one A6 page per badge, same order). With no
/// approved delegate the page says so instead of handing out an empty PDF.</summary>
public class BadgesModel(SummitDbContext db) : PageModel
{
    private static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    [BindProperty(SupportsGet = true, Name = "category")] public DelegateCategory? Category { get; set; }

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Data.Registrations.Registration> Badges { get; private set; } = [];
    public IReadOnlyList<(DelegateCategory Category, int Count)> ByCategory { get; private set; } = [];
    public int CheckedIn => Badges.Count(r => r.CheckedInUtc is not null);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        return Page();
    }

    /// <summary>Every badge shown on the page, as one PDF.</summary>
    public async Task<IActionResult> OnGetPdfAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        if (Badges.Count == 0) return Page();
        var pdf = BadgePdf.Render(Badges.Select(r => BadgePdf.ContentOf(r, Summit)).ToList(), $"Badges – {Summit.Name}");
        Response.Headers.CacheControl = "no-cache, no-store";
        var category = Category is { } c ? "-" + c.ToString().ToLowerInvariant() : "";
        return File(pdf, BadgePdf.ContentType, $"badges-summit-{Summit.Id}{category}.pdf");
    }

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return false;
        Summit = summit;
        if (Category is { } c && !Enum.IsDefined(c)) Category = null;
        var approved = await db.Registrations.AsNoTracking().Include(r => r.Organisation)
            .Where(r => r.SummitId == summitId && r.Status == RegistrationStatus.Approved)
            .ToListAsync(ct);
        ByCategory = approved.GroupBy(r => r.Category).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        Badges = approved
            .Where(r => Category is null || r.Category == Category)
            // Culture-aware, as people read lists: "Côte d'Ivoire" between "China" and "Cuba".
            .OrderBy(r => r.Organisation?.SortName ?? r.ProposedOrganisationName ?? "", NameOrder)
            .ThenBy(r => r.FullName, NameOrder)
            .ThenBy(r => r.Id)
            .ToList();
        return true;
    }
}
