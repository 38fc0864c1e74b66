using System.ComponentModel.DataAnnotations;
using System.Text;
using QRCoder;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>Turns on two-step verification with a TOTP authenticator app: shows the shared key (and its QR code,
/// drawn on the server), checks one code, then issues ten recovery codes shown once on Profile/RecoveryCodes.
/// While two-step verification is on, the key is not shown again: turn it off to set up a new app.</summary>
public class EnableAuthenticatorModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AccountDesk accounts, Mailer mailer,
    IConfiguration configuration, ILogger<EnableAuthenticatorModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    public const string Issuer = "WeProtect Summit";
    public const int RecoveryCodeCount = 10;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code from your authenticator app."), StringLength(AccountLimits.CodeMaxLength), Display(Name = "Code from the app")]
        public string Code { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return AlreadyOn();
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return AlreadyOn();
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        var code = new string(Input.Code.Where(char.IsDigit).ToArray());
        var valid = code.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", Localization.Translations.OrKey(HttpContext, "That code is not right. Check that the app's clock is correct and enter the code it shows now."));
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToArray();
        await accounts.TwoFactorEnabledAsync(user);
        // The code just typed proves the authenticator: the session counts as two-step from now (StaffTwoStep).
        await StaffTwoStep.SignInAsProvenAsync(signIn, HttpContext, user);
        await mailer.TrySendAsync(AccountLetters.TwoFactorOn(words, user, AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ForgotPassword")!)), logger, "two-step verification notice");
        // Shown once: TempData is an encrypted cookie read and deleted by the next page. The database keeps only hashes.
        TempData[RecoveryCodesModel.TempDataKey] = codes;
        // The new security stamp ends every other session of the account: say so, or they look like a fault.
        this.ShowStatus("Two-step verification is on. You were signed out on your other devices and browsers: log in there again with your password and a code from your authenticator app.");
        return RedirectToPage("./RecoveryCodes");
    }

    private IActionResult AlreadyOn()
    {
        this.ShowStatus("Two-step verification is already on. To move to a new phone, turn it off and set it up again.");
        return RedirectToPage("./TwoFactor");
    }

    private async Task LoadKeyAsync(SummitUser user)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Resetting the key changes the security stamp; keep this session valid.
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        SharedKey = FormatKey(key);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The key in groups of four, e.g. "ABCD EFGH IJKL …", easier to type.</summary>
    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) result.Append(' ');
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return result.ToString().ToUpperInvariant();
    }
}
