using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>One delegate's record, for the secretariat when a minister's office calls: the registration and its
/// decision, needs, seats, badge and check-in, every letter written to the delegate about that summit (LettersAbout:
/// the registration's, and the consultation, signing and reporting letters to their account) with whether it went
/// (organisers' messages linked to their page), and its history from the audit trail.</summary>
public class DelegateModel(SummitDbContext db, LetterDesk letters) : PageModel
{
    public sealed record Seat(int BreakoutId, string Title, DateTime StartUtc, BookingStatus Status);

    public sealed record Letter(long Id, string Kind, DateTime CreatedUtc, DateTime? SentUtc, DateTime? FailedUtc, string? LastError, int? MessageId, string? Subject);

    public Summit Summit { get; private set; } = null!;
    public Registration Registration { get; private set; } = null!;
    public IReadOnlyList<Seat> Seats { get; private set; } = [];
    public int BadgePrints { get; private set; }
    public DateTime? LastPrintedUtc { get; private set; }
    /// <summary>The answers to the registration form's questions and to the travel form's, all of them (organisers see
    /// the answers meant for them only, too).</summary>
    public AnswerList RegistrationAnswers { get; private set; } = new([]);
    public AnswerList TravelAnswers { get; private set; } = new([]);
    public TravelDetails? Travel { get; private set; }
    /// <summary>Where the delegate's letter of invitation stands (the VisaLetters row), null when none was asked for.</summary>
    public Data.Accreditations.VisaLetterStatus? VisaLetter { get; private set; }
    public IReadOnlyList<Letter> Letters { get; private set; } = [];
    public IReadOnlyList<Data.Audit.AuditEvent> History { get; private set; } = [];
    public bool HasPhoto { get; private set; }
    /// <summary>Who opened the accreditation photo, latest first (the delegate's own views are not recorded).</summary>
    public IReadOnlyList<Data.Audit.AuditEvent> PhotoViews { get; private set; } = [];
    /// <summary>The names of the people in <see cref="History"/> and <see cref="PhotoViews"/>, as they are now (<see cref="Data.Audit.AuditNames"/>).</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int summitId, int registrationId, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Summit).Include(r => r.User).Include(r => r.Organisation)
            .Include(r => r.Needs).Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.Id == registrationId && r.SummitId == summitId, ct);
        if (registration is null) return NotFound();
        (Summit, Registration) = (registration.Summit, registration);
        var questions = await QuestionDesk.AllAsync(db, summitId);
        RegistrationAnswers = AnswerList.From(questions.Where(q => q.Form == QuestionForm.Registration), registration.Answers);
        TravelAnswers = AnswerList.From(questions.Where(q => q.Form == QuestionForm.Travel), registration.Answers);
        Travel = await db.TravelDetails.AsNoTracking().FirstOrDefaultAsync(t => t.RegistrationId == registrationId, ct);
        VisaLetter = await db.VisaLetters.Where(v => v.RegistrationId == registrationId)
            .Select(v => (Data.Accreditations.VisaLetterStatus?)v.Status).FirstOrDefaultAsync(ct);
        Seats = await db.Bookings.AsNoTracking().Where(b => b.RegistrationId == registrationId).OrderBy(b => b.Breakout.StartUtc)
            .Select(b => new Seat(b.BreakoutId, b.Breakout.Title, b.Breakout.StartUtc, b.Status)).ToListAsync(ct);
        BadgePrints = await db.BadgePrints.Where(BadgePrint.OfCurrentBadge).CountAsync(p => p.RegistrationId == registrationId, ct);
        LastPrintedUtc = await BadgeDesk.LastPrintedAsync(db, registrationId, ct);
        Letters = await LettersAbout.Registration(db, registrationId).AsNoTracking().OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Select(n => new Letter(n.Id, n.Kind, n.CreatedUtc, n.SentUtc, n.FailedUtc, n.LastError,
                n.Kind == NotificationKinds.DelegateMessage ? db.DelegateMessageRecipients.Where(m => m.Id == n.SubjectId).Select(m => (int?)m.MessageId).FirstOrDefault() : null,
                n.Kind == NotificationKinds.DelegateMessage ? db.DelegateMessageRecipients.Where(m => m.Id == n.SubjectId).Select(m => m.Message.Subject).FirstOrDefault() : null))
            .ToListAsync(ct);
        // The registration's own events and its bookings' (the audit names a row by its type and key).
        var id = registrationId.ToString(CultureInfo.InvariantCulture);
        var bookingIds = (await db.Bookings.Where(b => b.RegistrationId == registrationId).Select(b => b.Id).ToListAsync(ct))
            .Select(b => b.ToString(CultureInfo.InvariantCulture)).ToList();
        // Photo views are listed on their own ("Who saw this photo"), not in the history among the decisions.
        History = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.SubjectType == nameof(Data.Registrations.Registration) && e.SubjectId == id && e.Action != PhotoModel.PhotoViewAction)
                || (e.SubjectType == nameof(Booking) && bookingIds.Contains(e.SubjectId)))
            .OrderByDescending(e => e.Sequence).Take(200).ToListAsync(ct);
        HasPhoto = await db.Accreditations.AnyAsync(a => a.RegistrationId == registrationId && a.Photo != null, ct);
        PhotoViews = await PhotoModel.ViewsOf(db, registrationId).AsNoTracking().OrderByDescending(e => e.Sequence).Take(200).ToListAsync(ct);
        Names = await Data.Audit.AuditNames.ResolveAsync(db, History.Concat(PhotoViews).Select(e => e.ActorUserId), ct);
        return Page();
    }

    /// <summary>Sends a letter again (the delegate says it never came): composed as it reads now.</summary>
    public async Task<IActionResult> OnPostResendAsync(int summitId, int registrationId, long letter, CancellationToken ct)
    {
        var result = await letters.ResendAsync(summitId, registrationId, letter, User.ToAuditActor(), ct);
        return this.Answer(result, () => RedirectToPage(new { summitId, registrationId }));
    }

    public string When(DateTime utc) => Summit.ToLocal(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
