namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>A signed-in user registers for an open summit. The rules (window, one registration per person, by
/// invitation only nominees) are the desk's; this page shows why registration is closed and never saves what the desk
/// refuses. A nominee arrives with their nomination link (<c>?nomination=</c>): the organisation, place and protocol
/// details are then the focal point's, shown and not asked; requests with a link count against
/// <see cref="RateLimitedAction.NominationLink"/>.</summary>
[RateLimited(RateLimitedAction.NominationLink)]
public class RegisterModel(SummitDbContext db, RegistrationDesk desk, InvitationDesk invitations, UserManager<SummitUser> users, TimeProvider clock)
    : PageModel, IRegistrationForm
{
    [BindProperty] public RegistrationInput Input { get; set; } = new();
    /// <summary>The secret of a nomination link, kept in the form so that the post completes the same nomination.</summary>
    [BindProperty(SupportsGet = true, Name = "nomination")] public string? NominationToken { get; set; }
    public RegistrationOptions Options { get; private set; } = new();
    public QuestionFields Questions { get; private set; } = new([], new Dictionary<int, IReadOnlyList<string>>());
    public Summit Summit { get; private set; } = null!;
    /// <summary>Why the user cannot register now; null when the form is shown.</summary>
    public string? Closed { get; private set; }
    /// <summary>The user's registration for this summit, when they already have one.</summary>
    public int? ExistingId { get; private set; }
    public Nomination? Nomination { get; private set; }
    public string? NominatedBy { get; private set; }
    public bool FixedByNomination => Nomination is not null;

    public async Task<IActionResult> OnGetAsync(int summitId)
    {
        if (await LoadAsync(summitId) is { } missing) return missing;
        if (Closed is null && ExistingId is null && await users.GetUserAsync(User) is { } user)
            Input = new RegistrationInput { FullName = user.FullName, Position = user.Position };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int summitId)
    {
        if (await LoadAsync(summitId) is { } missing) return missing;
        if (Closed is not null || ExistingId is not null) return Page(); // the page says why; nothing is saved

        var userId = users.GetUserId(User)!;
        var registration = new Registration { SummitId = summitId, UserId = userId };
        if (Nomination is not null) registration.CompleteNomination(Nomination);
        await Input.ApplyAsync(registration, db, this);
        var posted = PostedAnswers.Read(Request.Form, Questions.Questions);
        Questions = Questions with { Values = posted };
        foreach (var (field, message) in registration.AnswerAll(Questions.Questions, posted, clock.GetUtcNow().UtcDateTime))
            ModelState.AddModelError(field, Localization.Translations.Of(HttpContext, message));
        if (!ModelState.IsValid) return Page();

        var result = await desk.RegisterAsync(registration, User.ToAuditActor());
        if (!result.Succeeded)
        {
            // Refused meanwhile (the window closed, or a second registration raced this one).
            ModelState.AddModelError(string.Empty, Localization.Translations.Of(HttpContext, result.Text));
            await LoadAsync(summitId);
            return Page();
        }
        this.ShowStatus(result);
        return RedirectToPage("/Registration/Details", new { id = registration.Id });
    }

    private async Task<IActionResult?> LoadAsync(int summitId)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId);
        if (summit is null) return NotFound();
        Summit = summit;
        Closed = summit.WhyCannotRegister(clock.GetUtcNow().UtcDateTime, nominated: true) is { } why ? Localization.Translations.Of(HttpContext, why) : null;
        var userId = users.GetUserId(User);
        // A cancelled registration is no obstacle: the desk makes it again.
        ExistingId = await db.Registrations.Where(r => r.SummitId == summitId && r.UserId == userId && r.Status != RegistrationStatus.Cancelled)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (Closed is null && ExistingId is null && await WhyNotThisUserAsync(summit) is { } notThisUser) Closed = Localization.Translations.Of(HttpContext, notThisUser);
        if (Closed is null && ExistingId is null && !FixedByNomination) Options = await RegistrationOptions.LoadAsync(db, text => Localization.Translations.OrKey(HttpContext, text));
        if (Closed is null && ExistingId is null)
            Questions = Questions with { Questions = await QuestionDesk.AskedAsync(db, summitId, QuestionForm.Registration) };
        return null;
    }

    /// <summary>With a nomination link: why it is not this user's (unknown, another summit, another address, used);
    /// without one: why self-service is refused (registration by invitation). Null when the form is shown.</summary>
    private async Task<DeskText?> WhyNotThisUserAsync(Summit summit)
    {
        if (string.IsNullOrEmpty(NominationToken)) return summit.WhyCannotRegister(clock.GetUtcNow().UtcDateTime, nominated: false);
        var nomination = await invitations.FindNominationAsync(NominationToken);
        if (nomination is null || nomination.SummitId != summit.Id) return "This nomination link is not known: check that you copied all of it.";
        if (nomination.IsWithdrawn) return Nomination.WithdrawnMessage;
        var email = (await users.GetUserAsync(User))?.Email;
        if (nomination.WhyNotFor(email) is { } other) return other;
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == nomination.InvitationId);
        if (invitation is null || invitation.IsRevoked) return "The invitation under which you were nominated was withdrawn by the organisers.";
        Nomination = nomination;
        NominatedBy = invitation.Organisation.FormalName;
        return null;
    }
}
