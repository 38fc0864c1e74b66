using System.ComponentModel.DataAnnotations;

namespace WeProtect.Summit.Data.Endorsements;

/// <summary>How a statement's "Agreed by" list is printed: grouped under sector headings, or as one alphabetical list
/// mixing the sectors (as many intergovernmental statements are printed). Every output of the list follows the
/// statement's choice (<see cref="AgreedBy"/>). Stored as text.</summary>
public enum AgreedByLayout
{
    [Display(Name = "Grouped by sector")] BySector,
    [Display(Name = "One alphabetical list")] Alphabetical,
}
