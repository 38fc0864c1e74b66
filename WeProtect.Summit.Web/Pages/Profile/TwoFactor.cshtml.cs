namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>Whether two-step verification is on, how many recovery codes are left, and the ways to change that.</summary>
public class TwoFactorModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn) : PageModel
{
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool MachineRemembered { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        MachineRemembered = Enabled && await signIn.IsTwoFactorClientRememberedAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostForgetBrowserAsync()
    {
        await signIn.ForgetTwoFactorClientAsync();
        this.ShowStatus("This device is forgotten: the next log-in here will ask for a code.");
        return RedirectToPage();
    }
}
