using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Logging out is a POST with an antiforgery token, so that no link or image elsewhere can log anyone out.
/// A GET only shows the button.</summary>
public class LogoutModel(SignInManager<SummitUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
