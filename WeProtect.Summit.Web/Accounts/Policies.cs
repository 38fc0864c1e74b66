namespace WeProtect.Summit.Web.Accounts;

/// <summary>Authorization policy names, set per page folder in <see cref="PageAccess"/>.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string Organiser = "Organiser";
    public const string SignedIn = "SignedIn";
}
