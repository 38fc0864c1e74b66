using Microsoft.AspNetCore.OutputCaching;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Web.Pages.Summits;

using WeProtect.Summit.Data.Summits;

/// <summary>The public list of participants: approved delegates who consented, with their name, position and
/// organisation and nothing else. The query selects only those three fields and the keys of protocol order (place,
/// rank, order), which order each organisation's delegates (<see cref="ProtocolPrecedence"/>) and are never shown.
/// Cached for anonymous visitors; a registration's change evicts it (see <see cref="PublicPageCache"/>).</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class ParticipantsModel(SummitDbContext db) : PageModel
{
    public sealed record Participant(string Name, string Position, string Organisation);

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Participant> Participants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (summit is null || !summit.IsPublic) return NotFound();
        Summit = summit;
        var rows = await db.Registrations.AsNoTracking()
            .Where(r => r.SummitId == id && r.Status == RegistrationStatus.Approved && r.ConsentToPublicList)
            .Select(r => new
            {
                r.FullName,
                r.Position,
                Organisation = r.Organisation != null ? r.Organisation.FormalName : r.ProposedOrganisationName,
                SortName = r.Organisation != null ? r.Organisation.SortName : r.ProposedOrganisationName,
                r.Category, r.Rank, r.IsMinister, r.ProtocolOrder,
            })
            .ToListAsync();
        var byName = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);
        Participants = rows
            .OrderBy(r => r.SortName ?? "", byName)
            .ThenInProtocolOrder(r => new ProtocolPlace(r.Category, r.Rank, r.IsMinister, r.ProtocolOrder), r => r.FullName, byName)
            .Select(r => new Participant(r.FullName, r.Position, r.Organisation ?? ""))
            .ToList();
        return Page();
    }
}
