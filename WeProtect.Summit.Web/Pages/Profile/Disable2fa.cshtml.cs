using Microsoft.AspNetCore.Authentication;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>Turns two-step verification off, after the current password is given again. The old authenticator
/// key, the recovery codes and any remembered device are all discarded, so setting up again starts clean.</summary>
public class Disable2faModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AccountDesk accounts, Mailer mailer,
    IConfiguration configuration, ILogger<Disable2faModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words)
    : TwoFactorChangeModel(users)
{
    protected override string WhenOff => "Two-step verification is already off.";

    protected override async Task<IActionResult> ChangeAsync(SummitUser user)
    {
        var disabled = await Users.SetTwoFactorEnabledAsync(user, false);
        if (!disabled.Succeeded)
        {
            foreach (var error in disabled.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await Users.ResetAuthenticatorKeyAsync(user);
        await accounts.TwoFactorDisabledAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        // Signed in again without the second factor: where staff need one (StaffTwoStep), their roles wait until it is on again.
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInAsync(user, current.Properties ?? new AuthenticationProperties());
        await mailer.TrySendAsync(AccountLetters.TwoFactorOff(words, user, AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ForgotPassword")!)), logger, "two-step verification notice");
        this.ShowStatus("Two-step verification is off.");
        return RedirectToPage("./TwoFactor");
    }
}
