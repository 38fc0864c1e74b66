using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations;

/// <summary>"My registration": its status, the answers, and what the delegate may do with it. Only its owner sees
/// it: anyone else's id answers 404, exactly like an id that does not exist.</summary>
public class DetailsModel(SummitDbContext db, RegistrationDesk desk, UserManager<SummitUser> users, PublicLinks links) : PageModel
{
    public Registration Registration { get; private set; } = null!;
    /// <summary>1 for the first in line, when the registration is waitlisted.</summary>
    public int? WaitlistPosition { get; private set; }
    /// <summary>The delegate's answers to the registration form's questions and to the travel form's.</summary>
    public AnswerList RegistrationAnswers { get; private set; } = new([]);
    public AnswerList TravelAnswers { get; private set; } = new([]);
    public TravelDetails? Travel { get; private set; }
    /// <summary>When the secretariat last corrected these details, if it did.</summary>
    public DateTime? CorrectedUtc { get; private set; }
    /// <summary>Whether the summit's travel form is open to this delegate (approved).</summary>
    public bool TravelOpen => AnswerDesk.WhyTravelIsClosed(Registration) is null;

    /// <summary>An approved delegate of a summit with breakouts (not cancelled): the page links to its agenda to book them.</summary>
    public bool HasBreakoutsToBook { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is not { } registration) return NotFound();
        Registration = registration;
        var questions = await QuestionDesk.AllAsync(db, registration.SummitId);
        RegistrationAnswers = AnswerList.From(questions.Where(q => q.Form == QuestionForm.Registration), registration.Answers);
        TravelAnswers = AnswerList.From(questions.Where(q => q.Form == QuestionForm.Travel), registration.Answers);
        Travel = await db.TravelDetails.AsNoTracking().FirstOrDefaultAsync(t => t.RegistrationId == registration.Id);
        CorrectedUtc = await RegistrationDesk.LastCorrectedAsync(db, registration.Id);
        if (registration.Status == RegistrationStatus.Approved)
            HasBreakoutsToBook = await db.Breakouts.AnyAsync(b => b.SummitId == registration.SummitId && b.CancelledUtc == null && !b.IsPlenary);
        if (registration.Status == RegistrationStatus.Waitlisted && registration.WaitlistedUtc is { } since)
        {
            // The desk promotes by (WaitlistedUtc, Id): count who is ahead in that order.
            WaitlistPosition = 1 + await db.Registrations.CountAsync(r =>
                r.SummitId == registration.SummitId && r.Status == RegistrationStatus.Waitlisted
                && (r.WaitlistedUtc < since || (r.WaitlistedUtc == since && r.Id < registration.Id)));
        }
        return Page();
    }

    /// <summary>Cancels the registration (the confirmation is the form itself); a freed place goes to the waiting list.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id)
    {
        var result = await desk.CancelAsync(id, users.GetUserId(User)!, User.ToAuditActor());
        return this.Answer(result, () => RedirectToPage(new { id }));
    }

    /// <summary>Gives or withdraws consent to the public participant list, whatever the registration's status:
    /// consent must be as easy to withdraw as to give.</summary>
    public async Task<IActionResult> OnPostConsentAsync(int id, bool consent)
    {
        var result = await desk.SetConsentAsync(id, users.GetUserId(User)!, consent, User.ToAuditActor());
        return this.Answer(result, () => RedirectToPage(new { id }));
    }

    /// <summary>The personal calendar feed's address, for an approved delegate: from the public address, never the
    /// request's Host header.</summary>
    public string CalendarFeedUrl => links.Absolute(CalendarFeedPath);

    /// <summary>The same feed for a calendar app's subscription.</summary>
    public string CalendarFeedWebcal => links.Webcal(CalendarFeedPath);

    private string CalendarFeedPath => $"/calendar/{Uri.EscapeDataString(Registration.CalendarToken)}.ics";

    /// <summary>A new secret for the personal calendar feed: every subscription made with the old address stops.</summary>
    public async Task<IActionResult> OnPostCalendarLinkAsync(int id)
    {
        var result = await desk.NewCalendarLinkAsync(id, users.GetUserId(User)!, User.ToAuditActor());
        return this.Answer(result, () => RedirectToPage(new { id }));
    }

    private Task<Registration?> LoadAsync(int id)
    {
        var userId = users.GetUserId(User);
        return db.Registrations.AsNoTracking().Include(r => r.Summit).Include(r => r.Organisation).Include(r => r.Answers).Include(r => r.Needs)
            .FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId);
    }
}
