using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Organisations;

/// <summary>The Alliance's members on a day (today by default, <c>?on=2020-02-01</c> for any other), from the
/// membership register: the figures by sector in the Alliance's own sentence, then the members.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["on"])]
public class MembersModel(SummitDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> words) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "on")] public string? On { get; set; }

    public DateOnly Day { get; private set; }
    public IReadOnlyList<MembershipRegister.Member> Members { get; private set; } = [];
    public IReadOnlyDictionary<Sector, int> Counts { get; private set; } = new Dictionary<Sector, int>();
    public string? DateProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(On))
        {
            if (DateOnly.TryParseExact(On.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) Day = day;
            else DateProblem = words["Give the date as year-month-day, e.g. 2020-02-01. The figures below are today's."];
        }
        Members = await MembershipRegister.MembersOnAsync(db, Day, ct);
        Counts = MembershipRegister.CountBySector(Members);
    }

    /// <summary>"97 governments, 27 private sector and 30 civil society" (the directory's wording; sectors with none left
    /// out), in the page's language.</summary>
    public string Sentence()
    {
        var parts = IndexModel.FigureOrder.Where(s => Counts[s] > 0).Select(s => IndexModel.Count(Counts[s], s, words)).ToList();
        return parts.Count switch
        {
            0 => words["no members"],
            1 => parts[0],
            _ => words["{0} and {1}", string.Join(", ", parts[..^1]), parts[^1]],
        };
    }
}
