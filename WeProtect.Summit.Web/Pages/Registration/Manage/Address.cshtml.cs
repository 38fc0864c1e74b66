using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Mail;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>The secretariat starts moving a delegate's account to another e-mail address (the ministry's address
/// changed, or it was mistyped): <see cref="DelegateAddressDesk.StartEmailChangeAsync"/> checks and records it, then the
/// change-of-address link Profile/ChangeEmail sends goes to the new address, and the account moves only when the
/// delegate opens it (<c>Account/ConfirmEmailChange</c>); the current address is told. An address another account holds
/// is refused, saying so: the organisers may know which addresses have accounts.</summary>
public class AddressModel(SummitDbContext db, DelegateAddressDesk desk, UserManager<SummitUser> users, Mailer mailer, IConfiguration configuration,
    ILogger<AddressModel> logger, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    [BindProperty] public NewAddressInput Input { get; set; } = new();

    public Summit Summit { get; private set; } = null!;
    public Registration Registration { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int summitId, int registrationId, CancellationToken ct) =>
        await LoadAsync(summitId, registrationId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int summitId, int registrationId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, registrationId, ct)) return NotFound();
        var result = await desk.StartEmailChangeAsync(summitId, registrationId, Input.Email, e => users.NormalizeEmail(e)!, User.ToAuditActor(), ct);
        if (result.Succeeded && result.Value is { } user)
        {
            var address = Input.Email!.Trim();
            var code = AccountTokens.Encode(await users.GenerateChangeEmailTokenAsync(user, address));
            var link = AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ConfirmEmailChange", new { userId = user.Id, email = address, code })!);
            await mailer.TrySendAsync(AccountLetters.ConfirmAddressGivenBySecretariat(words, user, address, link), logger, "new address confirmation (secretariat)");
            await mailer.TrySendAsync(AccountLetters.AddressChangeStartedBySecretariat(words, user, address,
                AccountLinks.Absolute(Request, configuration, Url.Page("/Account/ForgotPassword")!)), logger, "address change notice (secretariat)");
        }
        return await this.AnswerAsync(result, () => RedirectToPage("/Registration/Manage/Delegate", new { summitId, registrationId }),
            () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task<bool> LoadAsync(int summitId, int registrationId, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Summit).Include(r => r.User)
            .FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == summitId, ct);
        if (registration is null) return false;
        (Summit, Registration) = (registration.Summit, registration);
        return true;
    }
}
