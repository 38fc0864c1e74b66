using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>Replaces the recovery codes, after the current password is given again.</summary>
public class ResetRecoveryCodesModel(UserManager<SummitUser> users, AccountDesk accounts) : TwoFactorChangeModel(users)
{
    protected override string WhenOff => "Two-step verification is off, so there are no recovery codes to replace.";

    protected override async Task<IActionResult> ChangeAsync(SummitUser user)
    {
        var codes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorModel.RecoveryCodeCount))!.ToArray();
        await accounts.RecoveryCodesResetAsync(user);
        TempData[RecoveryCodesModel.TempDataKey] = codes;
        this.ShowStatus("New recovery codes generated; the old ones no longer work.");
        return RedirectToPage("./RecoveryCodes");
    }
}
