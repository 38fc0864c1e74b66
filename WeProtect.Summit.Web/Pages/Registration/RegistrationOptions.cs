using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The choices the registration form offers, loaded once per request.</summary>
public sealed class RegistrationOptions
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    public IReadOnlyList<SelectListItem> Organisations { get; private init; } = [];
    public IReadOnlyList<SelectListItem> Sectors { get; private init; } = [];
    public IReadOnlyList<SelectListItem> Countries { get; private init; } = [];
    public IReadOnlyList<SelectListItem> Categories { get; private init; } = [];

    /// <summary><paramref name="say"/> translates the shared words (sectors, categories) into the request's language.</summary>
    public static async Task<RegistrationOptions> LoadAsync(SummitDbContext db, Func<string, string>? say = null, CancellationToken ct = default)
    {
        say ??= text => text;
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, o.FormalName, o.SortName, o.Sector }).ToListAsync(ct);
        // Grouped by sector (in the enum's order), each group sorted by sort name as people read it.
        var groups = Enum.GetValues<Sector>().ToDictionary(s => s, s => new SelectListGroup { Name = say(s.DisplayName()) });
        return new RegistrationOptions
        {
            Organisations = organisations
                .OrderBy(o => o.Sector).ThenBy(o => o.SortName, ByName).ThenBy(o => o.FormalName, ByName)
                .Select(o => new SelectListItem(o.FormalName, o.Id.ToString(CultureInfo.InvariantCulture))
                {
                    Group = groups.GetValueOrDefault(o.Sector),
                })
                .ToList(),
            Sectors = Enum.GetValues<Sector>().Select(s => new SelectListItem(say(s.DisplayName()), s.ToString())).ToList(),
            Countries = CountryNames.All.Select(c => new SelectListItem(c.Name, c.Code)).ToList(),
            Categories = Enum.GetValues<DelegateCategory>().Select(c => new SelectListItem(say(c.DisplayName()), c.ToString())).ToList(),
        };
    }
}
