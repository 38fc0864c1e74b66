using Htmx;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>The secretariat's vetting queue for one summit: filters and search (a plain GET form; with htmx the
/// same request returns only the results), decisions one at a time or in bulk, and proposed organisations to
/// confirm or merge. Every decision goes through <see cref="RegistrationDesk"/>, which holds the rules.</summary>
public class IndexModel(SummitDbContext db, RegistrationDesk desk, DelegationDesk delegations) : PageModel
{
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions SearchOptions = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
    public static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    /// <summary>The value of the country filter for registrations whose organisation has no country.</summary>
    public const string NoCountry = "none";
    /// <summary>The value of the sector filter for registrations whose organisation is only proposed.</summary>
    public const string Proposed = "proposed";

    public static readonly RegistrationStatus[] Decisions = [RegistrationStatus.Approved, RegistrationStatus.Waitlisted, RegistrationStatus.Rejected];

    [BindProperty(SupportsGet = true, Name = "status")] public string? StatusFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "sector")] public string? SectorFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "country")] public string? CountryFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? CategoryFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "minister")] public string? MinisterFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public sealed record Row(int Id, Guid Version, string FullName, string Position, string? Email, int? OrganisationId,
        string OrganisationName, Sector? Sector, string? CountryCode, DelegateCategory Category, bool IsMinister,
        RegistrationStatus Status, string? DecisionReason, DateTime CreatedUtc, DateTime? DecidedUtc, DateTime? CheckedInUtc)
    {
        public bool IsProposed => OrganisationId is null;
        public string CountryName => Countries.NameOf(CountryCode);
        public bool CanBe(RegistrationStatus decision) => Data.Registrations.Registration.CanBecome(Status, decision);
    }

    /// <summary>One line of the report of what a decision did, per person.</summary>
    public sealed record ReportLine(bool Succeeded, string Message);

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Row> Results { get; private set; } = [];
    public IReadOnlyDictionary<RegistrationStatus, int> StatusCounts { get; private set; } = new Dictionary<RegistrationStatus, int>();
    public int Total => StatusCounts.Values.Sum();
    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> DirectoryOptions { get; private set; } = [];
    public RegistrationStatus? SelectedStatus { get; private set; }
    public Sector? SelectedSector { get; private set; }
    public bool ProposedOnly { get; private set; }
    public string? SelectedCountry { get; private set; }
    public DelegateCategory? SelectedCategory { get; private set; }
    public bool? SelectedMinister { get; private set; }
    public bool IsFiltered => SelectedStatus is not null || SelectedSector is not null || ProposedOnly || SelectedCountry is not null
        || SelectedCategory is not null || SelectedMinister is not null || !string.IsNullOrWhiteSpace(Query);

    /// <summary>The report shown after a post: a summary line and what happened to each person.</summary>
    public string? ReportSummary { get; private set; }
    public IReadOnlyList<ReportLine> Report { get; private set; } = [];
    public bool ReportSucceeded => Report.Count > 0 && Report.All(o => o.Succeeded);

    /// <summary>The current filters, for links and for the forms' actions (so that a decision keeps the view).</summary>
    public Dictionary<string, string> FilterValues() => new Dictionary<string, string?>
    {
        ["status"] = StatusFilter, ["sector"] = SectorFilter, ["country"] = CountryFilter,
        ["category"] = CategoryFilter, ["minister"] = MinisterFilter, ["q"] = Query,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        await LoadAsync(ct);
        Response.Headers.Append("Vary", "HX-Request, HX-History-Restore-Request");
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest()) return Partial("_QueueResults", this);
        return Page();
    }

    /// <summary>One decision about one registration, made on the version of it the organiser saw.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int summitId, int? id, string? version, string? decision, string? reason, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var outcome = await DecideOneAsync(id, version, decision, reason, ct);
        Report = [outcome];
        ReportSummary = outcome.Succeeded ? null : "Nothing was changed.";
        return await ShowAsync(ct);
    }

    /// <summary>One decision for every selected registration ("id:version"), each through the desk on its own:
    /// some may succeed while others are refused (the summit or a delegation is full).</summary>
    public async Task<IActionResult> OnPostBulkAsync(int summitId, List<string>? selected, string? bulkDecision, string? bulkReason, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var chosen = (selected ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
        if (chosen.Count == 0)
        {
            Report = [new ReportLine(false, "Select at least one registration, then choose the decision.")];
            return await ShowAsync(ct);
        }
        if (!TryParseDecision(bulkDecision, out var parsed))
        {
            Report = [new ReportLine(false, "Choose approve, waitlist or reject for the selected registrations.")];
            return await ShowAsync(ct);
        }
        if (chosen.Count > 500)
        {
            Report = [new ReportLine(false, "Select at most 500 registrations at a time.")];
            return await ShowAsync(ct);
        }

        var outcomes = new List<ReportLine>();
        foreach (var item in chosen)
        {
            var parts = item.Split(':', 2);
            outcomes.Add(await DecideOneAsync(int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
                parts.Length == 2 ? parts[1] : null, parsed.ToString(), bulkReason, ct));
        }
        // A refusal that is the same for everyone (no reason given for a rejection) is said once.
        Report = outcomes.DistinctBy(o => o.Message).ToList();
        var done = outcomes.Count(o => o.Succeeded);
        var refused = outcomes.Count - done;
        ReportSummary = $"{done} {Verb(parsed)}" + (refused == 0 ? "." : $"; {refused} not {Verb(parsed)}:");
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostConfirmOrganisationAsync(int summitId, int? id, string? version, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var result = id is int registrationId && Guid.TryParse(version, out var expected)
            ? await delegations.ConfirmProposedOrganisationAsync(summitId, registrationId, expected, User.ToAuditActor(), ct)
            : null;
        Report = [result is null ? Incomplete : new ReportLine(result.Succeeded, result.Message)];
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostMergeOrganisationAsync(int summitId, int? id, string? version, int? organisationId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        DeskResult? result = null;
        if (id is int registrationId && Guid.TryParse(version, out var expected))
            result = organisationId is int target
                ? await delegations.MergeProposedOrganisationAsync(summitId, registrationId, expected, target, User.ToAuditActor(), ct)
                : DeskResult.Refused("Choose the directory organisation to merge into.");
        Report = [result is null ? Incomplete : new ReportLine(result.Succeeded, result.Message)];
        return await ShowAsync(ct);
    }

    private static readonly ReportLine Incomplete = new(false, "The form was incomplete or changed; reload the page and try again.");

    private async Task<ReportLine> DecideOneAsync(int? id, string? version, string? decision, string? reason, CancellationToken ct)
    {
        if (id is null || !Guid.TryParse(version, out var expected)) return Incomplete;
        if (!TryParseDecision(decision, out var parsed)) return new(false, "Choose approve, waitlist or reject.");
        // The page is about one summit: a registration of another summit is not this page's to decide.
        if (!await db.Registrations.AnyAsync(r => r.Id == id && r.SummitId == Summit.Id, ct))
            return new(false, "There is no such registration at this summit.");
        var result = await desk.DecideAsync(id.Value, parsed, reason, User.ToAuditActor(), expected, ct);
        return new(result.Succeeded, result.Message);
    }

    private static bool TryParseDecision(string? text, out RegistrationStatus decision) =>
        Enum.TryParse(text, ignoreCase: true, out decision) && !int.TryParse(text, out _) && Decisions.Contains(decision);

    public static string Verb(RegistrationStatus decision) => Data.Registrations.Registration.Verb(decision);

    public static string ActionName(RegistrationStatus decision) => decision switch
    {
        RegistrationStatus.Approved => "Approve",
        RegistrationStatus.Waitlisted => "Waitlist",
        RegistrationStatus.Rejected => "Reject",
        _ => decision.ToString(),
    };

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        // The desk changed rows behind the context's back: read the summit's counters afresh.
        await LoadSummitAsync(Summit.Id, ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadSummitAsync(int summitId, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return false;
        Summit = summit;
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SelectedStatus = Enum.TryParse<RegistrationStatus>(StatusFilter, true, out var status) && Enum.IsDefined(status) && !int.TryParse(StatusFilter, out _) ? status : null;
        ProposedOnly = string.Equals(SectorFilter, Proposed, StringComparison.OrdinalIgnoreCase);
        SelectedSector = !ProposedOnly && SectorNames.TryParse(SectorFilter, out var sector) ? sector : null;
        var code = CountryFilter?.Trim().ToUpperInvariant();
        SelectedCountry = string.Equals(code, NoCountry, StringComparison.OrdinalIgnoreCase) ? NoCountry : Countries.IsKnown(code) ? code : null;
        SelectedCategory = Enum.TryParse<DelegateCategory>(CategoryFilter, true, out var category) && Enum.IsDefined(category) && !int.TryParse(CategoryFilter, out _) ? category : null;
        SelectedMinister = MinisterFilter?.ToLowerInvariant() switch { "yes" or "true" => true, "no" or "false" => false, _ => null };

        var all = db.Registrations.AsNoTracking().Where(r => r.SummitId == Summit.Id);
        StatusCounts = (await all.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);

        var registrations = all;
        if (SelectedStatus is { } s) registrations = registrations.Where(r => r.Status == s);
        if (ProposedOnly) registrations = registrations.Where(r => r.OrganisationId == null);
        if (SelectedSector is { } sec) registrations = registrations.Where(r => r.Organisation!.Sector == sec || (r.OrganisationId == null && r.ProposedSector == sec));
        if (SelectedCountry == NoCountry) registrations = registrations.Where(r => r.OrganisationId != null ? r.Organisation!.CountryCode == null : r.ProposedCountryCode == null);
        else if (SelectedCountry is { } c) registrations = registrations.Where(r => r.Organisation!.CountryCode == c || (r.OrganisationId == null && r.ProposedCountryCode == c));
        if (SelectedCategory is { } cat) registrations = registrations.Where(r => r.Category == cat);
        if (SelectedMinister is { } minister) registrations = registrations.Where(r => r.IsMinister == minister);

        var rows = await registrations
            .Select(r => new Row(r.Id, r.Version, r.FullName, r.Position, r.User.Email, r.OrganisationId,
                r.Organisation != null ? r.Organisation.FormalName : r.ProposedOrganisationName ?? "",
                r.Organisation != null ? r.Organisation.Sector : r.ProposedSector,
                r.Organisation != null ? r.Organisation.CountryCode : r.ProposedCountryCode,
                r.Category, r.IsMinister, r.Status, r.DecisionReason, r.CreatedUtc, r.DecidedUtc, r.CheckedInUtc))
            .ToListAsync(ct);
        var query = Query?.Trim();
        Results = rows
            .Where(r => string.IsNullOrEmpty(query) || Matches(r.FullName, query) || Matches(r.OrganisationName, query) || Matches(r.Email ?? "", query))
            // The queue: who is waiting for a decision first, oldest first; then the rest by name.
            .OrderBy(r => r.Status switch { RegistrationStatus.Pending => 0, RegistrationStatus.Waitlisted => 1, RegistrationStatus.Approved => 2, _ => 3 })
            .ThenBy(r => r.Status == RegistrationStatus.Pending ? r.CreatedUtc : DateTime.MinValue)
            .ThenBy(r => r.FullName, NameOrder)
            .ToList();

        var codes = await all.Select(r => r.Organisation != null ? r.Organisation.CountryCode : r.ProposedCountryCode).Distinct().ToListAsync(ct);
        CountryOptions = codes.OfType<string>().Select(x => (Code: x, Name: Countries.NameOf(x))).OrderBy(x => x.Name, NameOrder).ToList();
        if (Results.Any(r => r.IsProposed))
            DirectoryOptions = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.FormalName, o.SortName }).ToListAsync(ct))
                .OrderBy(o => o.SortName, NameOrder).Select(o => (o.Id, o.FormalName)).ToList();
    }

    private static bool Matches(string text, string query) => Compare.IndexOf(text, query, SearchOptions) >= 0;

    public string When(DateTime utc) => Summit.ToLocal(utc).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
}
