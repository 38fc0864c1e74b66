using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Questions;

/// <summary>The travel form an approved delegate fills on their own registration page: arrival, departure, flights,
/// hotel, visa letter needed, and the summit's travel questions. Refused before approval. The audit event names the
/// registration by id; the answers stay out of it.</summary>
public sealed class AnswerDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Why the travel form is not open to this registration; null when it is.</summary>
    public static string? WhyTravelIsClosed(Registration registration) => registration.Status switch
    {
        RegistrationStatus.Approved => null,
        RegistrationStatus.Cancelled or RegistrationStatus.Rejected =>
            $"Your registration is {registration.Status.ToString().ToLowerInvariant()}: there is no travel form to fill.",
        _ => $"Your registration is {registration.Status.ToString().ToLowerInvariant()}: the travel form opens once the secretariat approves it.",
    };

    /// <summary>Saves the travel plan and answers together, or nothing: broken rules keyed by the plan's field names
    /// and by <see cref="Registration.AnswerField"/>.</summary>
    public async Task<DeskResult> SaveTravelAsync(int registrationId, string userId, TravelPlan plan,
        IReadOnlyDictionary<int, IReadOnlyList<string>> answers, AuditActor actor, CancellationToken ct = default)
    {
        var registration = await db.Registrations.Include(r => r.Summit).Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == userId, ct);
        if (registration is null) return DeskResult.NotFound("There is no such registration.");
        if (WhyTravelIsClosed(registration) is { } closed) return DeskResult.Refused(closed, DeskRefusal.Forbidden);
        var now = clock.GetUtcNow().UtcDateTime;
        var travel = await db.TravelDetails.FirstOrDefaultAsync(t => t.RegistrationId == registrationId, ct);
        var isNew = travel is null;
        travel ??= TravelDetails.For(registrationId);
        var errors = new List<(string Field, DeskText Message)>(travel.Set(plan, registration.Summit, now));
        var questions = await QuestionDesk.AskedAsync(db, registration.SummitId, QuestionForm.Travel, ct);
        errors.AddRange(registration.AnswerAll(questions, answers, now));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear(); // nothing half-applied is saved by a later call
            return DeskResult.Invalid(errors, "Some answers need your attention: nothing was saved.");
        }
        if (isNew) db.TravelDetails.Add(travel);
        audit.Record(actor, "registration.travel-saved", registration, $"Registration {registration.Id}: travel details saved");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (isNew)
        {
            // The form saved twice at once (a double click, two windows): the other save wrote the first row (unique per
            // registration) a moment ago; this one changes nothing.
            db.ChangeTracker.Clear();
            if (!await db.TravelDetails.AnyAsync(t => t.RegistrationId == registrationId, ct)) throw;
            return DeskResult.Conflict(DeskText.LowerFirst("Your travel details"));
        }
        return DeskResult.Done("Your travel details are saved. Thank you.");
    }
}
