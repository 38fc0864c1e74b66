using Htmx;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Pages.Organisations;

/// <summary>The public directory of the Alliance's organisations: figures by sector, search and filters.
/// A plain GET form; with htmx the same request returns only the results. Who is a member, and since when, is read
/// from today's membership register (<see cref="MembershipRegister"/>), as on the members' page.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class IndexModel(SummitDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Sorts names as a reader expects ("Côte d'Ivoire" between "China" and "Cuba"), which the
    /// database's ordinal collation does not.</summary>
    public static readonly StringComparer NameOrder = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    /// <summary>The value of the country filter that selects organisations without a country.</summary>
    public const string NoCountry = "none";

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "sector")] public string? SectorFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "country")] public string? CountryFilter { get; set; }

    /// <summary>The order the Alliance quotes its figures in.</summary>
    public static readonly Sector[] FigureOrder = [Sector.Government, Sector.PrivateSector, Sector.CivilSociety, Sector.InternationalOrganisation];

    public sealed record SectorFigure(Sector Sector, int Members, int All);
    public sealed record Row(int Id, string FormalName, string SortName, Sector Sector, string? CountryCode, string CountryName, int? MemberSince);

    public IReadOnlyList<SectorFigure> Figures { get; private set; } = [];
    public int TotalMembers => Figures.Sum(f => f.Members);
    public int TotalOrganisations => Figures.Sum(f => f.All);
    public IReadOnlyList<Row> Results { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];
    public bool AnyWithoutCountry { get; private set; }
    public Sector? SelectedSector { get; private set; }
    public string? SelectedCountry { get; private set; }
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || SelectedSector is not null || SelectedCountry is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        SelectedSector = SectorNames.TryParse(SectorFilter, out var sector) ? sector : null;
        SelectedCountry = string.Equals(CountryFilter, NoCountry, StringComparison.OrdinalIgnoreCase) ? NoCountry
            : Countries.IsKnown(CountryFilter?.Trim().ToUpperInvariant()) ? CountryFilter!.Trim().ToUpperInvariant() : null;

        var organisations = db.Organisations.AsNoTracking();
        if (SelectedSector is { } s) organisations = organisations.Where(o => o.Sector == s);
        if (SelectedCountry == NoCountry) organisations = organisations.Where(o => o.CountryCode == null);
        else if (SelectedCountry is { } code) organisations = organisations.Where(o => o.CountryCode == code);

        var rows = await organisations
            .Select(o => new { o.Id, o.FormalName, o.SortName, o.Sector, o.CountryCode })
            .ToListAsync(ct);
        var members = await MembershipRegister.MembersOnAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        var since = members.ToDictionary(m => m.OrganisationId, m => m.JoinedOn.Year);
        var query = Query?.Trim();
        Results = rows
            .Select(o => new Row(o.Id, o.FormalName, o.SortName, o.Sector, o.CountryCode, CountryNames.Of(o.CountryCode),
                since.TryGetValue(o.Id, out var year) ? year : null))
            // A country is found by its name on the page or in English (the name the organisation's papers may use).
            .Where(o => string.IsNullOrEmpty(query) || Matches(o.FormalName, query) || Matches(o.SortName, query) || Matches(o.CountryName, query)
                || Matches(Countries.NameOf(o.CountryCode), query))
            .OrderBy(o => o.SortName, NameOrder).ThenBy(o => o.FormalName, NameOrder)
            .ToList();

        // Vary: a cache must not hand the partial to a full-page request, or the page to htmx.
        Response.Headers.Append("Vary", "HX-Request, HX-History-Restore-Request");
        if (Request.IsHtmx() && !Request.IsHtmxHistoryRestoreRequest()) return Partial("_DirectoryResults", this);

        var all = await db.Organisations.AsNoTracking().GroupBy(o => o.Sector).Select(g => new { Sector = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Sector, g => g.Count, ct);
        var counts = MembershipRegister.CountBySector(members);
        Figures = FigureOrder.Select(sector => new SectorFigure(sector, counts[sector], all.GetValueOrDefault(sector))).ToList();

        var codes = await db.Organisations.AsNoTracking().Select(o => o.CountryCode).Distinct().ToListAsync(ct);
        AnyWithoutCountry = codes.Contains(null);
        CountryOptions = CountryNames.Sorted(codes.OfType<string>());
        return Page();
    }

    /// <summary>Culture-aware, accent- and case-insensitive: "cote" finds "Côte d'Ivoire".</summary>
    private static bool Matches(string text, string query) => Data.Search.TextSearch.Contains(text, query);

    /// <summary>"97 governments", "1 international organisation", "27 private sector", in the page's language.</summary>
    public static string Count(int n, Sector sector, IStringLocalizer words) => sector switch
    {
        Sector.Government => words[Localization.Plurals.Key(n, "{0:N0} government", "{0:N0} governments"), n],
        Sector.InternationalOrganisation => words[Localization.Plurals.Key(n, "{0:N0} international organisation", "{0:N0} international organisations"), n],
        Sector.PrivateSector => words["{0:N0} private sector", n],
        Sector.CivilSociety => words["{0:N0} civil society", n],
        _ => $"{n.ToString("N0", CultureInfo.CurrentCulture)} {words[sector.DisplayName()]}",
    };
}
