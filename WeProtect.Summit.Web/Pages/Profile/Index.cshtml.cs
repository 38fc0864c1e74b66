using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Validation;
using WeProtect.Summit.Web.Infrastructure;

namespace WeProtect.Summit.Web.Pages.Profile;

/// <summary>The signed-in user's own name and position. The e-mail address is the log-in and is not edited here.</summary>
public class IndexModel(UserManager<SummitUser> users, SignInManager<SummitUser> signIn, AuditTrail audit) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name."), Name, StringLength(SummitUser.FullNameMaxLength, ErrorMessage = "The full name may be at most 200 characters long."), Display(Name = "Full name")]
        public string FullName { get; set; } = "";
        [Name, StringLength(SummitUser.PositionMaxLength, ErrorMessage = "The position may be at most 200 characters long."), Display(Name = "Position")]
        public string? Position { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Show(user);
        Input = new InputModel { FullName = user.FullName, Position = user.Position };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Show(user);
        if (!ModelState.IsValid) return Page();

        var fullName = Input.FullName.Trim();
        var position = string.IsNullOrWhiteSpace(Input.Position) ? null : Input.Position.Trim();
        if (fullName == user.FullName && position == user.Position)
        {
            this.ShowStatus("Nothing to save: your profile is unchanged.");
            return RedirectToPage();
        }
        var before = user.FullName;
        user.FullName = fullName;
        user.Position = position;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        audit.Record(new AuditActor(user.Id, user.FullName), "account.profile-updated", user,
            before == fullName ? $"{fullName} updated their position" : $"{before} changed their name to {fullName}");
        await audit.SaveChangesAsync();
        // The name is in the cookie (for the header and the audit trail): issue it afresh.
        await signIn.RefreshSignInAsync(user);
        this.ShowStatus("Your profile has been saved.");
        return RedirectToPage();
    }

    private void Show(SummitUser user)
    {
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}
