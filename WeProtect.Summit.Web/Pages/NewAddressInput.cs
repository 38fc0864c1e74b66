using System.ComponentModel.DataAnnotations;

namespace WeProtect.Summit.Web.Pages;

/// <summary>The one field of the pages that correct an address (a nomination's, a delegate's account): the desks check
/// it, so that the focal point and the secretariat are told the same.</summary>
public sealed class NewAddressInput
{
    [Display(Name = "New e-mail address")] public string? Email { get; set; }
}
