using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>Changes the password, given the current one. Other sessions end at their next security-stamp check;
/// this one is re-issued. The owner is told by e-mail.</summary>
public class ChangePasswordModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AccountDesk accounts, Mailer mailer,
    IConfiguration configuration, ILogger<ChangePasswordModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password."), StringLength(AccountLimits.PasswordMaxLength), DataType(DataType.Password), Display(Name = "Current password")]
        public string OldPassword { get; set; } = "";
        [Required(ErrorMessage = "Choose a new password."), DataType(DataType.Password), Display(Name = "New password"),
         StringLength(AccountLimits.PasswordMaxLength, MinimumLength = AccountLimits.PasswordMinLength, ErrorMessage = "The password must be 12 to 200 characters long.")]
        public string NewPassword { get; set; } = "";
        [DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match."), Display(Name = "Confirm the new password")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!ModelState.IsValid) return Page();
        if (await users.ConfirmPasswordAsync(user, Input.OldPassword) is { } problem)
        {
            ModelState.AddModelError("Input.OldPassword", Localization.Translations.OrKey(HttpContext, problem));
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("Input.NewPassword", error.Description);
            return Page();
        }
        await accounts.PasswordChangedAsync(user);
        await signIn.RefreshSignInAsync(user);
        await mailer.TrySendAsync(AccountLetters.PasswordChanged(words, user, byReset: false, AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ForgotPassword")!)), logger, "password changed notice");
        this.ShowStatus("Your password has been changed.");
        return RedirectToPage("./Index");
    }
}
