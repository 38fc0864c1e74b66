using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>Delegation quotas of one summit: how many heads of delegation and delegates each organisation may
/// field. <see cref="DelegationDesk"/> applies <see cref="DelegationQuota.Validate"/> and keeps the counters safe.</summary>
public class QuotasModel(SummitDbContext db, DelegationDesk delegations) : PageModel
{
    public sealed record Row(int Id, int OrganisationId, string Organisation, Sector Sector, string? CountryCode,
        int HeadsOfDelegation, int Delegates, int ApprovedHeads, int ApprovedDelegates, int Pending, int NominatedHeads, int NominatedDelegates, Guid Version)
    {
        public string CountryName => CountryNames.Of(CountryCode);
    }

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Row> Quotas { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> OrganisationOptions { get; private set; } = [];
    public string? Message { get; private set; }
    public bool MessageIsSuccess { get; private set; }

    // The add form; the numbers are strings so that "many" is a message rather than a silent zero.
    [BindProperty] public int? OrganisationId { get; set; }
    [BindProperty] public string? HeadsOfDelegation { get; set; } = "1";
    [BindProperty] public string? Delegates { get; set; }

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        var heads = Number(HeadsOfDelegation, nameof(HeadsOfDelegation), "Heads of delegation");
        var delegates = Number(Delegates, nameof(Delegates), "Delegates");
        if (OrganisationId is null) ModelState.AddModelError(nameof(OrganisationId), T("Choose an organisation from the directory."));
        if (ModelState.IsValid)
        {
            var result = await delegations.AddQuotaAsync(summitId, OrganisationId!.Value, heads!.Value, delegates!.Value, User.ToAuditActor(), ct);
            return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct), field => field);
        }
        return await ReshowAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(int summitId, int? quotaId, string? heads, string? delegates, Guid? version, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        var h = Number(heads, string.Empty, "Heads of delegation");
        var d = Number(delegates, string.Empty, "Delegates");
        if (quotaId is null) ModelState.AddModelError(string.Empty, T("The form was incomplete; reload the page and try again."));
        if (ModelState.IsValid)
        {
            var result = await delegations.ChangeQuotaAsync(summitId, quotaId!.Value, h!.Value, d!.Value, version ?? Guid.Empty, User.ToAuditActor(), ct);
            return await this.AnswerAsync(result with { Errors = [] }, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct));
        }
        return await ReshowAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int summitId, int? quotaId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        var result = quotaId is int id
            ? await delegations.RemoveQuotaAsync(summitId, id, User.ToAuditActor(), ct)
            : DeskResult.Refused("There is no such quota at this summit.");
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(ct));
    }

    private int? Number(string? text, string field, string label)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        ModelState.AddModelError(field, T("{0}: give a whole number.", T(label)));
        return null;
    }

    private string T(string text, params object[] values) => Localization.Translations.OrKey(HttpContext, text, values);

    private async Task<bool> LoadSummitAsync(int summitId, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return false;
        Summit = summit;
        return true;
    }

    private async Task<IActionResult> ReshowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var pending = await db.Registrations.AsNoTracking()
            .Where(r => r.SummitId == Summit.Id && r.OrganisationId != null
                && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Waitlisted)
                && (r.Category == DelegateCategory.HeadOfDelegation || r.Category == DelegateCategory.Delegate))
            .GroupBy(r => r.OrganisationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var quotas = await db.DelegationQuotas.AsNoTracking().Where(q => q.SummitId == Summit.Id)
            .Select(q => new { q.Id, q.OrganisationId, q.Organisation.FormalName, q.Organisation.SortName, q.Organisation.Sector, q.Organisation.CountryCode,
                q.HeadsOfDelegation, q.Delegates, q.ApprovedHeads, q.ApprovedDelegates, q.NominatedHeads, q.NominatedDelegates, q.Version })
            .ToListAsync(ct);
        Quotas = quotas.OrderBy(q => q.SortName, IndexModel.NameOrder)
            .Select(q => new Row(q.Id, q.OrganisationId, q.FormalName, q.Sector, q.CountryCode, q.HeadsOfDelegation, q.Delegates,
                q.ApprovedHeads, q.ApprovedDelegates, pending.GetValueOrDefault(q.OrganisationId), q.NominatedHeads, q.NominatedDelegates, q.Version))
            .ToList();
        var taken = quotas.Select(q => q.OrganisationId).ToHashSet();
        OrganisationOptions = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.FormalName, o.SortName }).ToListAsync(ct))
            .Where(o => !taken.Contains(o.Id))
            .OrderBy(o => o.SortName, IndexModel.NameOrder).Select(o => (o.Id, o.FormalName)).ToList();
    }
}
