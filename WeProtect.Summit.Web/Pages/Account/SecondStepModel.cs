namespace WeProtect.Summit.Web.Pages.Account;

/// <summary>The second step of a log-in, after the password (an authenticator code or a recovery code): open only to
/// the user the password step left waiting, a locked account told until when before any code is checked, and the
/// code itself checked by the page.</summary>
public abstract class SecondStepModel(SignInManager<SummitUser> signIn, UserManager<SummitUser> users, TimeProvider clock, ILogger logger)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public DateTime? LockedUntilUtc { get; private set; }

    protected SignInManager<SummitUser> SignInManager { get; } = signIn;
    protected UserManager<SummitUser> Users { get; } = users;

    /// <summary>How the log names this step when a locked account tries it.</summary>
    protected abstract string StepName { get; }

    /// <summary>Signs in with the posted code: where the user goes next, or this page saying why not.</summary>
    protected abstract Task<IActionResult> SignInWithCodeAsync(SummitUser user);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        // Only after the password step: otherwise back to the start.
        if (await SignInManager.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { ReturnUrl });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = null;
        var user = await SignInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login", new { ReturnUrl });
        if (!ModelState.IsValid) return Page();
        if (await Users.IsLockedOutAsync(user)) return await LockedOutAsync(user);
        return await SignInWithCodeAsync(user);
    }

    protected async Task<PageResult> LockedOutAsync(SummitUser user)
    {
        logger.LogWarning("{Step} log-in refused: account {UserId} is locked out", StepName, user.Id);
        LockedUntilUtc = LockEnd(await Users.GetLockoutEndDateAsync(user), clock);
        return Page();
    }

    /// <summary>When the lockout ends, rounded up to the minute, so "after 10:15" is never a minute early.</summary>
    internal static DateTime LockEnd(DateTimeOffset? end, TimeProvider clock)
    {
        var until = (end ?? clock.GetUtcNow().AddMinutes(15)).UtcDateTime;
        var roundedUp = until.AddTicks(TimeSpan.TicksPerMinute - 1);
        return roundedUp.AddTicks(-(roundedUp.Ticks % TimeSpan.TicksPerMinute));
    }
}
