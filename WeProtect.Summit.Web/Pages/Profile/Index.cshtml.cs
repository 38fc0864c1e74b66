using WeProtect.Summit.Web.Localization;
using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Languages;
using WeProtect.Summit.Data.Validation;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>The signed-in user's own name and position. The e-mail address is the log-in: it changes on <c>ChangeEmail</c>.</summary>
public class IndexModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AccountDesk accounts) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name."), Name(Subject = "Your full name"), StringLength(SummitUser.FullNameMaxLength, ErrorMessage = "The full name may be at most 200 characters long."), Display(Name = "Full name")]
        public string FullName { get; set; } = "";
        [Name(Subject = "Your position"), StringLength(SummitUser.PositionMaxLength, ErrorMessage = "The position may be at most 200 characters long."), Display(Name = "Position")]
        public string? Position { get; set; }
        /// <summary>Pages and e-mails; empty: the browser's language, then the summit's.</summary>
        [Display(Name = "Language for pages and e-mails")]
        public string? Language { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Show(user);
        Input = new InputModel { FullName = user.FullName, Position = user.Position, Language = user.PreferredLanguage };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Show(user);
        var language = string.IsNullOrEmpty(Input.Language) ? null : Input.Language;
        if (language is not null && !InterfaceLanguages.IsSupported(language))
            ModelState.AddModelError("Input.Language", Localization.Translations.OrKey(HttpContext, "Choose one of the app's languages."));
        if (!ModelState.IsValid) return Page();

        var fullName = Input.FullName.Trim();
        var position = string.IsNullOrWhiteSpace(Input.Position) ? null : Input.Position.Trim();
        if (fullName == user.FullName && position == user.Position && (language is null || language == user.PreferredLanguage))
        {
            this.ShowStatus("Nothing to save: your profile is unchanged.");
            return RedirectToPage();
        }
        var (before, positionBefore, languageBefore) = (user.FullName, user.Position, user.PreferredLanguage);
        user.FullName = fullName;
        user.Position = position;
        if (language is not null) user.PreferLanguage(language);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        await accounts.ProfileUpdatedAsync(user, before, positionBefore, languageBefore);
        // The name is in the cookie (for the header and the audit trail): issue it afresh.
        await signIn.RefreshSignInAsync(user);
        // Said in the language just chosen: the next page is shown in it.
        using (RecipientLanguage.Speak(user.PreferredLanguage)) this.ShowStatus("Your profile has been saved.");
        return RedirectToPage();
    }

    private void Show(SummitUser user)
    {
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}
