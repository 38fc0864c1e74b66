using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>"Delegates from 94 countries", the figure a summit's report quotes: the countries whose government sent an
/// approved delegate. A company or charity based in a country does not make the country represented. The one rule for
/// the dashboard and the printable participant list.</summary>
public static class CountriesRepresented
{
    /// <summary>How many countries the delegates' governments represent; pass only the approved delegates (or, for
    /// "fielding a minister", only the ministers).</summary>
    public static int Count(IEnumerable<(Sector? Sector, string? CountryCode)> delegates) =>
        delegates.Where(d => d.Sector == Sector.Government).Select(d => d.CountryCode).OfType<string>().Distinct().Count();
}
