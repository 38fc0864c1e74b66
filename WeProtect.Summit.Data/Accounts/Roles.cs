namespace WeProtect.Summit.Data.Accounts;

/// <summary>The two roles. A delegate or signatory is not a role: it follows from registrations and grants.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Organiser = "Organiser";
    public static readonly string[] All = [Admin, Organiser];
}
