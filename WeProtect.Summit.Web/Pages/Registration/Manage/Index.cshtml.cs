using Htmx;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>The secretariat's vetting queue for one summit: filters and search (a plain GET form; with htmx the
/// same request returns only the results), decisions one at a time or in bulk, and proposed organisations to
/// confirm or merge. Every decision goes through <see cref="RegistrationDesk"/>, which holds the rules.</summary>
public class IndexModel(SummitDbContext db, RegistrationDesk desk, DelegationDesk delegations) : PageModel
{
    public static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    /// <summary>The value of the country filter for registrations whose organisation has no country.</summary>
    public const string NoCountry = RegistrationFilter.NoCountry;
    /// <summary>The value of the sector filter for registrations whose organisation is only proposed.</summary>
    public const string Proposed = RegistrationFilter.Proposed;
    /// <summary>Rows per page: a row with its decision form is about 3 KB, so a page stays near 100 KB.</summary>
    public const int PageSize = 25;
    /// <summary>The most registrations one bulk decision may cover ("select all N matching").</summary>
    public const int BulkLimit = 5000;

    public static readonly RegistrationStatus[] Decisions = [RegistrationStatus.Approved, RegistrationStatus.Waitlisted, RegistrationStatus.Rejected];

    /// <summary>The orders the queue can be read in (the query-string word, and its label).</summary>
    public static readonly (string Key, string Label)[] Sorts =
    [
        ("queue", "Awaiting a decision first"), ("name", "Name"), ("organisation", "Organisation"), ("country", "Country"),
        ("newest", "Newest first"), ("oldest", "Oldest first"),
    ];

    [BindProperty(SupportsGet = true, Name = "status")] public string? StatusFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "sector")] public string? SectorFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "organisation")] public string? OrganisationFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "country")] public string? CountryFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? CategoryFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "minister")] public string? MinisterFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "reads")] public string? ReadsFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    /// <summary>"p", not "page": Razor Pages keeps the route value "page" for the page's own name.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public sealed record Row(int Id, Guid Version, string FullName, string Position, string? Email, int? OrganisationId,
        string OrganisationName, Sector? Sector, string? CountryCode, DelegateCategory Category, bool IsMinister,
        RegistrationStatus Status, string? DecisionReason, DateTime CreatedUtc, DateTime? DecidedUtc, DateTime? CheckedInUtc,
        string? AccessNeeds, bool ConsentToPublicList, Data.Invitations.ProtocolDetails? ProtocolDetails = null)
    {
        public Data.Invitations.ProtocolDetails Protocol => ProtocolDetails ?? Data.Invitations.ProtocolDetails.None;
        public bool IsProposed => OrganisationId is null;
        public string CountryName => CountryNames.Of(CountryCode);
        public bool CanBe(RegistrationStatus decision) => Data.Registrations.Registration.CanBecome(Status, decision);
    }

    /// <summary>One line of the report of what a decision did, per person.</summary>
    public sealed record ReportLine(bool Succeeded, string Message);

    public Summit Summit { get; private set; } = null!;
    /// <summary>The rows of the current page.</summary>
    public IReadOnlyList<Row> Results { get; private set; } = [];
    /// <summary>Ticked needs and answers to the summit's questions of the rows on this page, by registration id.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Need>> NeedsOf { get; private set; } = new Dictionary<int, IReadOnlyList<Need>>();
    public IReadOnlyDictionary<int, AnswerList> AnswersOf { get; private set; } = new Dictionary<int, AnswerList>();
    /// <summary>How many registrations match the filter, on every page.</summary>
    public int MatchCount { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount => Math.Max(1, (MatchCount + PageSize - 1) / PageSize);
    public string SortKey { get; private set; } = "queue";
    public IReadOnlyList<(int Id, string Name)> OrganisationOptions { get; private set; } = [];
    public RegistrationFilter Filter { get; private set; } = new();
    public IReadOnlyDictionary<RegistrationStatus, int> StatusCounts { get; private set; } = new Dictionary<RegistrationStatus, int>();
    public int Total => StatusCounts.Values.Sum();
    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> DirectoryOptions { get; private set; } = [];
    public RegistrationStatus? SelectedStatus => Filter.Status;
    public Sector? SelectedSector => Filter.Sector;
    public bool ProposedOnly => Filter.ProposedOnly;
    public string? SelectedCountry => Filter.Country;
    public DelegateCategory? SelectedCategory => Filter.Category;
    public bool? SelectedMinister => Filter.Minister;
    public int? SelectedOrganisation => Filter.OrganisationId;
    public bool IsFiltered => !Filter.IsEmpty;

    /// <summary>The report shown after a post: a summary line and what happened to each person.</summary>
    public string? ReportSummary { get; private set; }
    public IReadOnlyList<ReportLine> Report { get; private set; } = [];
    public bool ReportSucceeded => Report.Count > 0 && Report.All(o => o.Succeeded);

    /// <summary>A refused bulk decision's form as the organiser filled it in (decision, reason, the rows ticked or
    /// "all matching"), shown again with the message.</summary>
    public string? BulkDecision { get; private set; }
    public string? BulkReason { get; private set; }
    public IReadOnlySet<string> BulkSelected { get; private set; } = new HashSet<string>();
    public bool BulkAll { get; private set; }

    /// <summary>The current filters, for links and for the forms' actions (so that a decision keeps the view).</summary>
    public Dictionary<string, string> FilterValues() => new Dictionary<string, string?>
    {
        ["status"] = StatusFilter, ["sector"] = SectorFilter, ["organisation"] = OrganisationFilter, ["country"] = CountryFilter,
        ["category"] = CategoryFilter, ["minister"] = MinisterFilter, ["reads"] = ReadsFilter, ["q"] = Query, ["sort"] = Sort,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!);

    /// <summary>The filter's values with another page number, for the pager's links.</summary>
    public Dictionary<string, string> PageValues(int page)
    {
        var values = FilterValues();
        values["summitId"] = Summit.Id.ToString(CultureInfo.InvariantCulture);
        if (page > 1) values["p"] = page.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        if (TempData[ReportKey] is string stored && StoredReport.Unpack(stored) is { } report)
            (Report, ReportSummary) = (report.Lines, report.Summary);
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
        ReportSummary = outcome.Succeeded ? null : T("Nothing was changed.");
        return await ShowAsync(ct);
    }

    /// <summary>One decision for the selected registrations ("id:version"), or, with <paramref name="scope"/> "all", for
    /// every registration matching the filter (<paramref name="expected"/> is the count the organiser saw: if the
    /// filter matches a different number now, nothing is decided). The desk decides them in one transaction, each row
    /// by the rules of a single decision: some may succeed while others are refused (the summit or a delegation is full).</summary>
    public async Task<IActionResult> OnPostBulkAsync(int summitId, List<string>? selected, string? bulkDecision, string? bulkReason,
        string? scope, int? expected, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        (BulkDecision, BulkReason, BulkSelected, BulkAll) = (bulkDecision, bulkReason, (selected ?? []).ToHashSet(), scope == "all");
        if (!TryParseDecision(bulkDecision, out var parsed))
        {
            Report = [new ReportLine(false, T("Choose approve, waitlist or reject for the selected registrations."))];
            return await ShowAsync(ct);
        }
        List<(int Id, Guid? Version)> items;
        if (scope == "all")
        {
            if (ReadFilter().Unread is { } unread)
            {
                // A part that filters nothing would widen "all matching" to registrations the organiser did not mean.
                Report = [new ReportLine(false, T("A filter value was not understood ({0}): nothing was decided. Choose the filter again from the lists.", unread))];
                return await ShowAsync(ct);
            }
            var matching = await ReadFilter().MatchingAsync(db, summitId, ct);
            if (expected != matching.Count)
            {
                Report = [new ReportLine(false, T("The filter now matches {0:N0} registrations, not {1:N0}: nothing was decided. Check the list and try again.", matching.Count, expected ?? 0))];
                return await ShowAsync(ct);
            }
            items = matching.Where(k => Data.Registrations.Registration.CanBecome(k.Status, parsed)).Select(k => (k.Id, (Guid?)k.Version)).ToList();
            if (items.Count == 0)
            {
                Report = [new ReportLine(false, T(parsed switch
                {
                    RegistrationStatus.Approved => "None of the matching registrations can be approved.",
                    RegistrationStatus.Waitlisted => "None of the matching registrations can be waitlisted.",
                    _ => "None of the matching registrations can be rejected.",
                }))];
                return await ShowAsync(ct);
            }
        }
        else
        {
            items = [];
            foreach (var item in (selected ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct())
            {
                var parts = item.Split(':', 2);
                if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || parts.Length != 2 || !Guid.TryParse(parts[1], out var version))
                {
                    Report = [Incomplete];
                    return await ShowAsync(ct);
                }
                items.Add((id, version));
            }
            if (items.Count == 0)
            {
                Report = [new ReportLine(false, T("Select at least one registration, then choose the decision."))];
                return await ShowAsync(ct);
            }
        }
        if (items.Count > BulkLimit)
        {
            Report = [new ReportLine(false, T("Decide at most {0:N0} registrations at a time: narrow the filter.", BulkLimit))];
            return await ShowAsync(ct);
        }

        var result = await desk.DecideManyAsync(summitId, items, parsed, bulkReason, User.ToAuditActor(), ct);
        if (!result.Succeeded)
        {
            Report = [new ReportLine(false, Localization.Translations.Of(HttpContext, result.Text))];
            return await ShowAsync(ct);
        }
        var outcomes = result.Value!.Select(o => new ReportLine(o.Result.Succeeded, Localization.Translations.Of(HttpContext, o.Result.Text))).ToList();
        var done = outcomes.Count(o => o.Succeeded);
        var refused = outcomes.Count - done;
        // Refusals are each said once; successes are named only when few (the count says the rest).
        Report = [.. outcomes.Where(o => !o.Succeeded).DistinctBy(o => o.Message), .. outcomes.Where(o => o.Succeeded).Take(done <= 20 ? done : 0)];
        ReportSummary = Summary(parsed, done, refused);
        if (Report.Count == 0) Report = [new ReportLine(true, ReportSummary)];
        return Reported();
    }

    public async Task<IActionResult> OnPostConfirmOrganisationAsync(int summitId, int? id, string? version, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var result = id is int registrationId && Guid.TryParse(version, out var expected)
            ? await delegations.ConfirmProposedOrganisationAsync(summitId, registrationId, expected, User.ToAuditActor(), ct)
            : null;
        Report = [result is null ? Incomplete : new ReportLine(result.Succeeded, Localization.Translations.Of(HttpContext, result.Text))];
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
        Report = [result is null ? Incomplete : new ReportLine(result.Succeeded, Localization.Translations.Of(HttpContext, result.Text))];
        return await ShowAsync(ct);
    }

    private const string ReportKey = "QueueReport";

    /// <summary>A report in the TempData cookie: compressed, since its lines repeat one wording with other names, and
    /// a cookie's text would otherwise escape every letter outside ASCII (an Arabic report six times its length).</summary>
    private sealed record StoredReport(IReadOnlyList<ReportLine> Lines, string? Summary)
    {
        public string Pack()
        {
            using var packed = new MemoryStream();
            using (var brotli = new System.IO.Compression.BrotliStream(packed, System.IO.Compression.CompressionLevel.Optimal))
                brotli.Write(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(this));
            return Convert.ToBase64String(packed.ToArray());
        }

        /// <summary>The report, or null when the cookie's value is not one (tampered, or from another version).</summary>
        public static StoredReport? Unpack(string stored)
        {
            try
            {
                using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(Convert.FromBase64String(stored)), System.IO.Compression.CompressionMode.Decompress);
                return System.Text.Json.JsonSerializer.Deserialize<StoredReport>(brotli);
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException) { return null; }
        }
    }

    /// <summary>The most lines of a bulk decision's report carried over the redirect (in the TempData cookie).</summary>
    public const int StoredReportLines = 20;

    /// <summary>After a bulk decision, the list again by a redirect with the same filter (post, redirect, get): reloading
    /// the page does not post the decisions again. The report goes in a cookie, so a long one is cut (the list shows
    /// every row's status).</summary>
    private RedirectToPageResult Reported()
    {
        var lines = Report.Count <= StoredReportLines ? Report
            : [.. Report.Take(StoredReportLines), new ReportLine(false, T("…and {0:N0} more: see each registration's status in the list.", Report.Count - StoredReportLines))];
        TempData[ReportKey] = new StoredReport(lines, ReportSummary).Pack();
        var values = FilterValues().ToDictionary(p => p.Key, p => (object?)p.Value);
        values["summitId"] = Summit.Id;
        return RedirectToPage("/Registration/Manage/Index", new RouteValueDictionary(values));
    }

    private ReportLine Incomplete => new(false, T("The form was incomplete or changed; reload the page and try again."));

    private string T(string text, params object[] values) => Localization.Translations.OrKey(HttpContext, text, values);

    /// <summary>"12 registrations approved; 1 registration not approved:", each count with its own singular or plural
    /// (<see cref="Localization.Plurals"/>) and one phrase per decision, since other languages make the word agree.</summary>
    private string Summary(RegistrationStatus decision, int done, int refused)
    {
        var said = decision switch
        {
            RegistrationStatus.Approved => Counted(done, "{0:N0} registration approved", "{0:N0} registrations approved"),
            RegistrationStatus.Waitlisted => Counted(done, "{0:N0} registration waitlisted", "{0:N0} registrations waitlisted"),
            _ => Counted(done, "{0:N0} registration rejected", "{0:N0} registrations rejected"),
        };
        if (refused == 0) return T("{0}.", said);
        return T("{0}; {1}:", said, decision switch
        {
            RegistrationStatus.Approved => Counted(refused, "{0:N0} registration not approved", "{0:N0} registrations not approved"),
            RegistrationStatus.Waitlisted => Counted(refused, "{0:N0} registration not waitlisted", "{0:N0} registrations not waitlisted"),
            _ => Counted(refused, "{0:N0} registration not rejected", "{0:N0} registrations not rejected"),
        });
    }

    private string Counted(int count, string one, string other) => T(Localization.Plurals.Key(count, one, other), count);

    private async Task<ReportLine> DecideOneAsync(int? id, string? version, string? decision, string? reason, CancellationToken ct)
    {
        if (id is null || !Guid.TryParse(version, out var expected)) return Incomplete;
        if (!TryParseDecision(decision, out var parsed)) return new(false, T("Choose approve, waitlist or reject."));
        // The page is about one summit: a registration of another summit is not this page's to decide.
        if (!await db.Registrations.AnyAsync(r => r.Id == id && r.SummitId == Summit.Id, ct))
            return new(false, T("There is no such registration at this summit."));
        var result = await desk.DecideAsync(id.Value, parsed, reason, User.ToAuditActor(), expected, ct);
        return new(result.Succeeded, Localization.Translations.Of(HttpContext, result.Text));
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

    private RegistrationFilter ReadFilter() => RegistrationFilter.Parse(StatusFilter, SectorFilter, OrganisationFilter, CountryFilter,
        CategoryFilter, MinisterFilter, null, null, Query, ReadsFilter);

    /// <summary>Filters in the database, searches and sorts small keys, then reads the full rows of one page only:
    /// the page stays small however many registrations the summit has.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Filter = ReadFilter();
        var all = db.Registrations.AsNoTracking().Where(r => r.SummitId == Summit.Id);
        StatusCounts = await RegistrationCounts.ByStatusAsync(db, Summit.Id, ct);

        var keys = await Filter.MatchingAsync(db, Summit.Id, ct);
        SortKey = Sorts.Any(x => x.Key == Sort) ? Sort! : "queue";
        IEnumerable<RegistrationFilter.Key> ordered = SortKey switch
        {
            "name" => keys.OrderBy(k => k.FullName, NameOrder),
            "organisation" => keys.OrderBy(k => k.OrganisationName, NameOrder).ThenBy(k => k.FullName, NameOrder),
            "country" => keys.OrderBy(k => k.CountryCode is null ? "~" : CountryNames.Of(k.CountryCode), CountryNames.Order).ThenBy(k => k.FullName, NameOrder),
            "newest" => keys.OrderByDescending(k => k.CreatedUtc).ThenByDescending(k => k.Id),
            "oldest" => keys.OrderBy(k => k.CreatedUtc).ThenBy(k => k.Id),
            // The queue: who is waiting for a decision first, oldest first; then the rest by name.
            _ => keys.OrderBy(k => k.Status switch { RegistrationStatus.Pending => 0, RegistrationStatus.Waitlisted => 1, RegistrationStatus.Approved => 2, _ => 3 })
                .ThenBy(k => k.Status == RegistrationStatus.Pending ? k.CreatedUtc : DateTime.MinValue)
                .ThenBy(k => k.FullName, NameOrder),
        };
        MatchCount = keys.Count;
        CurrentPage = Math.Clamp(PageNumber ?? 1, 1, PageCount);
        var pageIds = ordered.Skip((CurrentPage - 1) * PageSize).Take(PageSize).Select(k => k.Id).ToList();

        var rows = await all.Where(r => pageIds.Contains(r.Id))
            .Select(r => new Row(r.Id, r.Version, r.FullName, r.Position, r.User.Email, r.OrganisationId,
                r.Organisation != null ? r.Organisation.FormalName : r.ProposedOrganisationName ?? "",
                r.Organisation != null ? r.Organisation.Sector : r.ProposedSector,
                r.Organisation != null ? r.Organisation.CountryCode : r.ProposedCountryCode,
                r.Category, r.IsMinister, r.Status, r.DecisionReason, r.CreatedUtc, r.DecidedUtc, r.CheckedInUtc,
                r.AccessNeeds, r.ConsentToPublicList, new Data.Invitations.ProtocolDetails(r.Title, r.Honorific, r.Rank, r.ProtocolOrder)))
            .ToListAsync(ct);
        var position = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        Results = rows.OrderBy(r => position[r.Id]).ToList();
        NeedsOf = (await db.RegistrationNeeds.AsNoTracking().Where(n => pageIds.Contains(n.RegistrationId)).ToListAsync(ct))
            .GroupBy(n => n.RegistrationId).ToDictionary(g => g.Key, g => (IReadOnlyList<Need>)g.Select(n => n.Need).Order().ToList());
        var answers = await db.RegistrationAnswers.AsNoTracking().Where(a => pageIds.Contains(a.RegistrationId)).ToListAsync(ct);
        if (answers.Count > 0)
        {
            var questions = await QuestionDesk.AllAsync(db, Summit.Id, ct);
            AnswersOf = answers.GroupBy(a => a.RegistrationId).ToDictionary(g => g.Key, g => AnswerList.From(questions, g));
        }

        var codes = await all.Select(r => r.Organisation != null ? r.Organisation.CountryCode : r.ProposedCountryCode).Distinct().ToListAsync(ct);
        CountryOptions = CountryNames.Sorted(codes.OfType<string>());
        OrganisationOptions = (await all.Where(r => r.OrganisationId != null).Select(r => new { r.Organisation!.Id, r.Organisation.FormalName })
                .Distinct().ToListAsync(ct))
            .Select(o => (o.Id, o.FormalName)).OrderBy(o => o.FormalName, NameOrder).ToList();
        if (Results.Any(r => r.IsProposed))
            DirectoryOptions = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.FormalName, o.SortName }).ToListAsync(ct))
                .OrderBy(o => o.SortName, NameOrder).Select(o => (o.Id, o.FormalName)).ToList();
    }

    /// <summary>The directory entry named as the proposed organisation (trimmed, in any case): the merge list
    /// preselects it and says so.</summary>
    public (int Id, string Name)? DirectoryMatch(string proposed) =>
        DirectoryOptions.Where(o => string.Equals(o.Name.Trim(), proposed.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(o => ((int Id, string Name)?)o).FirstOrDefault();

    public string When(DateTime utc) => Summit.ToLocal(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
