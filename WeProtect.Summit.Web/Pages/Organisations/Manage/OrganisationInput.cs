using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Web.Pages.Organisations.Manage;

/// <summary>The organisation form's fields, shared by Create and Edit. It carries no rules of its own beyond
/// "choose a sector": the entity's Normalise/Validate decide, so the form and the CSV import agree. Membership is not
/// a field of the organisation: Create takes the day it joined for the register (<see cref="JoinedOn"/>); afterwards
/// the register's page records joinings and departures.</summary>
public sealed class OrganisationInput
{
    [Display(Name = "Formal name")]
    public string? FormalName { get; set; }

    [Display(Name = "Sort name")]
    public string? SortName { get; set; }

    [Display(Name = "Listed as")]
    public string? ListedName { get; set; }

    [Display(Name = "Sector")]
    public Sector? Sector { get; set; }

    [Display(Name = "Country")]
    public string? CountryCode { get; set; }

    /// <summary>Create only: the day it joined the Alliance, recorded in the membership register; empty for a non-member.</summary>
    [Display(Name = "Joined the Alliance on")]
    public DateOnly? JoinedOn { get; set; }

    /// <summary>The version the organiser started editing from (Edit only).</summary>
    public Guid Version { get; set; }

    public static OrganisationInput From(Organisation o) => new()
    {
        FormalName = o.FormalName,
        SortName = o.SortName,
        ListedName = o.ListedName,
        Sector = o.Sector,
        CountryCode = o.CountryCode,
        Version = o.Version,
    };

    /// <summary>The organisation as entered, normalised, for validating before anything is changed.</summary>
    public Organisation ToCandidate()
    {
        var o = new Organisation
        {
            FormalName = FormalName ?? "",
            SortName = SortName ?? "",
            ListedName = ListedName,
            // No choice is an undefined sector, so that the entity's government/international rules stay quiet.
            Sector = Sector ?? (Sector)(-1),
            CountryCode = CountryCode,
        };
        o.Normalise();
        return o;
    }

    /// <summary>Adds the entity's complaints about <paramref name="candidate"/> under the form's field names.</summary>
    public bool Validate(Organisation candidate, ModelStateDictionary modelState, Func<string, string>? translate = null, string prefix = "Input")
    {
        translate ??= text => text;
        var valid = true;
        if (Sector is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Sector)}", translate("Choose a sector."));
            valid = false;
        }
        foreach (var (field, message) in candidate.Validate())
        {
            if (field == nameof(Organisation.Sector) && Sector is null) continue;
            modelState.AddModelError($"{prefix}.{field}", translate(message));
            valid = false;
        }
        return valid && modelState.IsValid;
    }

    /// <summary>The sectors, each named through <paramref name="translate"/> (the page's language).</summary>
    public static IEnumerable<SelectListItem> SectorItems(Func<string, string>? translate = null) =>
        Enum.GetValues<Sector>().Select(s => new SelectListItem(translate is null ? s.DisplayName() : translate(s.DisplayName()), s.ToString()));

    /// <summary>A fresh list per form, in the page's language: the select tag helper marks the selected item on the
    /// instances it is given.</summary>
    public static IEnumerable<SelectListItem> CountryItems() =>
        CountryNames.All.Select(c => new SelectListItem($"{c.Name} ({c.Code})", c.Code));
}
