using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeProtect.Summit.Data.Accounts;

namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>Logging out is a POST with an antiforgery token, so that no link or image elsewhere can log anyone out.
/// A GET only shows the button. It writes a new security stamp, which ends every session of the user (a copied
/// cookie included, see SessionCheck), not only this browser's.</summary>
public class LogoutModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
