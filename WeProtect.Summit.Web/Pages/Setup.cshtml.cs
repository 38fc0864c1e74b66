using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Validation;
using WeProtect.Summit.Web.Accounts;

namespace WeProtect.Summit.Web.Pages;

/// <summary>The one-time hand-over of the first administrator account (link printed to the console at start-up).</summary>
public class SetupModel(FirstAdminSetup setup, UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AccountDesk accounts,
    TimeProvider clock, StaffTwoStep staffTwoStep) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name."), Name(Subject = "Your full name"), StringLength(SummitUser.FullNameMaxLength), Display(Name = "Full name")]
        public string FullName { get; set; } = "";
        [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress, StringLength(254), Display(Name = "E-mail")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Choose a password."), DataType(DataType.Password), Display(Name = "Password"),
         StringLength(200, MinimumLength = 12, ErrorMessage = "The password must be 12 to 200 characters long.")]
        public string Password { get; set; } = "";
        [DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The passwords do not match."), Display(Name = "Confirm password")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await IsOpenAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await IsOpenAsync()) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!setup.TryConsume(Token)) return NotFound();

        var user = new SummitUser { UserName = Input.Email, Email = Input.Email, EmailConfirmed = true, FullName = Input.FullName.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime };
        // As every new account: it starts in the language it was made in.
        user.PreferLanguage(Data.Languages.InterfaceLanguages.ReaderLanguage(System.Globalization.CultureInfo.CurrentUICulture.Name));
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            setup.Restore(Token!);
            foreach (var error in created.Errors) ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, error.Description));
            return Page();
        }
        await users.AddToRolesAsync(user, [Roles.Admin, Roles.Organiser]);
        await accounts.FirstAdministratorAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        // Where staff need a second factor, the next step is the authenticator: the staff pages stay closed until then.
        if (staffTwoStep.Required)
        {
            this.ShowStatus("Your administrator account is ready. Set up two-step verification now: the administrators' pages open once it is on.");
            return RedirectToPage("/Profile/EnableAuthenticator");
        }
        this.ShowStatus("Your administrator account is ready.");
        return RedirectToPage("/Summits/Manage/Index");
    }

    // The link is dead once any administrator exists, however that administrator came to be.
    private async Task<bool> IsOpenAsync() =>
        setup.IsValid(Token) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0;
}
