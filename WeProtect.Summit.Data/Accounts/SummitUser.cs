using Microsoft.AspNetCore.Identity;

namespace WeProtect.Summit.Data.Accounts;

/// <summary>A person with an account: delegate, signatory, organiser or administrator.</summary>
public class SummitUser : IdentityUser
{
    public const int FullNameMaxLength = 200;
    public const int PositionMaxLength = 200;

    public string FullName { get; set; } = "";
    public string? Position { get; set; }
    public int? OrganisationId { get; set; }
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
