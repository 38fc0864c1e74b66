using System.ComponentModel.DataAnnotations;

namespace WeProtect.Summit.Data.Organisations;

/// <summary>The Alliance's four member sectors. Stored as text so that the database reads as the summit speaks.</summary>
public enum Sector
{
    [Display(Name = "Government")] Government,
    [Display(Name = "International organisation")] InternationalOrganisation,
    [Display(Name = "Private sector")] PrivateSector,
    [Display(Name = "Civil society")] CivilSociety,
}
