using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations;

/// <summary>The second form, after approval: arrival and departure (summit time), flights, hotel and the summit's travel
/// questions (a visa letter is asked for on the accreditation page, beside the travel document it prints). Only the registration's owner opens it (404 for anyone else); before
/// approval it says why it is closed and saves nothing (the desk refuses too).</summary>
public class TravelModel(SummitDbContext db, AnswerDesk desk, UserManager<SummitUser> users) : PageModel
{
    public sealed class TravelInput
    {
        [Display(Name = "Arrival (date and time)")] public DateTime? ArrivalLocal { get; set; }
        [Display(Name = "Arrival flight")] public string? ArrivalFlight { get; set; }
        [Display(Name = "Departure (date and time)")] public DateTime? DepartureLocal { get; set; }
        [Display(Name = "Departure flight")] public string? DepartureFlight { get; set; }
        [Display(Name = "Hotel")] public string? Hotel { get; set; }

        public TravelPlan Plan => new(ArrivalLocal, ArrivalFlight, DepartureLocal, DepartureFlight, Hotel);
    }

    [BindProperty] public TravelInput Input { get; set; } = new();
    public Registration Registration { get; private set; } = null!;
    public QuestionFields Questions { get; private set; } = new([], new Dictionary<int, IReadOnlyList<string>>());
    /// <summary>Why the form is closed (not approved); null when it is shown.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Closed is null && await db.TravelDetails.AsNoTracking().FirstOrDefaultAsync(t => t.RegistrationId == id, ct) is { } travel)
        {
            var summit = Registration.Summit;
            Input = new TravelInput
            {
                ArrivalLocal = summit.ToLocal(travel.ArrivalUtc), ArrivalFlight = travel.ArrivalFlight,
                DepartureLocal = summit.ToLocal(travel.DepartureUtc), DepartureFlight = travel.DepartureFlight,
                Hotel = travel.Hotel,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Closed is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page(); // the page says why; nothing is saved
        }
        var posted = PostedAnswers.Read(Request.Form, Questions.Questions);
        Questions = Questions with { Values = posted };
        // A date-time the browser could not send as one (typed by hand) is a binding error: said beside its field.
        if (!ModelState.IsValid) return Page();
        var result = await desk.SaveTravelAsync(id, users.GetUserId(User)!, Input.Plan, posted, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Registration/Details", new { id }), () => Task.FromResult<IActionResult>(Page()),
            field => field.StartsWith("answer-", StringComparison.Ordinal) ? field : $"Input.{field}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Summit).Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId, ct);
        if (registration is null) return false;
        Registration = registration;
        Closed = AnswerDesk.WhyTravelIsClosed(registration);
        if (Closed is null)
            Questions = new(await QuestionDesk.AskedAsync(db, registration.SummitId, QuestionForm.Travel, ct), PostedAnswers.Of(registration));
        return true;
    }
}
