namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Where the cookie handler sends a signed-in user who lacks the role a page needs.</summary>
public class AccessDeniedModel : PageModel
{
    public void OnGet() { }
}
