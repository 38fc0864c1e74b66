using WeProtect.Summit.Data.Messages;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

/// <summary>Who messages went to, in the reader's language: each message's kept filter said with the names of the
/// organisation and breakout it names (a country's in the reader's language) (read in one query each for a whole history); a message written before its
/// filter was kept says the English words it was stored with.</summary>
public static class MessageAudiences
{
    public sealed record Written(int Id, string? Filter, string Audience);

    public static async Task<IReadOnlyDictionary<int, string>> SayAsync(SummitDbContext db, HttpContext context, IReadOnlyList<Written> messages, CancellationToken ct)
    {
        var filters = messages.Select(m => (m.Id, Filter: StoredFilter.Read(m.Filter), m.Audience)).ToList();
        var organisationIds = filters.Select(f => f.Filter?.OrganisationId).OfType<int>().Distinct().ToList();
        var breakoutIds = filters.Select(f => f.Filter?.BreakoutId).OfType<int>().Distinct().ToList();
        var organisations = organisationIds.Count == 0 ? new Dictionary<int, string>() : await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.FormalName, ct);
        var breakouts = breakoutIds.Count == 0 ? new Dictionary<int, string>() : await db.Breakouts.AsNoTracking().Where(b => breakoutIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.Title, ct);
        return filters.ToDictionary(f => f.Id, f => f.Filter is { } filter
            ? RegistrationFilter.Join(filter.Parts(id => organisations.GetValueOrDefault(id), id => breakouts.GetValueOrDefault(id), Localization.CountryNames.Of),
                text => Localization.Translations.Of(context, text))
            : f.Audience);
    }
}
