using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations;

/// <summary>"My registration": its status, the answers, and what the delegate may do with it. Only its owner sees
/// it: anyone else's id answers 404, exactly like an id that does not exist.</summary>
public class DetailsModel(SummitDbContext db, RegistrationDesk desk, UserManager<SummitUser> users, AuditTrail audit) : PageModel
{
    public Registration Registration { get; private set; } = null!;
    /// <summary>1 for the first in line, when the registration is waitlisted.</summary>
    public int? WaitlistPosition { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is not { } registration) return NotFound();
        Registration = registration;
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
    public async Task<IActionResult> OnPostConsentAsync(int id, bool consent, Guid version)
    {
        var userId = users.GetUserId(User);
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId);
        if (registration is null) return NotFound();
        if (registration.ConsentToPublicList == consent)
        {
            this.ShowStatus(consent ? "You are already on the public list of participants once approved." : "You are not on the public list of participants.");
            return RedirectToPage(new { id });
        }
        db.Entry(registration).Property(r => r.Version).OriginalValue = version;
        registration.ConsentToPublicList = consent;
        registration.Version = Guid.NewGuid();
        audit.Record(User.ToAuditActor(), "registration.consent-changed", registration,
            $"Registration {registration.Id}: consent to the public list {(consent ? "given" : "withdrawn")}");
        try
        {
            await audit.SaveChangesAsync();
            this.ShowStatus(consent
                ? "Thank you: once your registration is approved, your name, position and organisation appear on the public list of participants."
                : "Your consent is withdrawn: you are no longer on the public list of participants.");
        }
        catch (DbUpdateConcurrencyException)
        {
            this.ShowStatus("Your registration changed meanwhile; nothing was saved. Look at it again and repeat your choice.");
        }
        return RedirectToPage(new { id });
    }

    /// <summary>The personal calendar feed's address (https), for an approved delegate.</summary>
    public string CalendarFeedUrl(string scheme) =>
        $"{scheme}://{Request.Host}{Request.PathBase}/calendar/{Uri.EscapeDataString(Registration.CalendarToken)}.ics";

    /// <summary>A new secret for the personal calendar feed: every subscription made with the old address stops.</summary>
    public async Task<IActionResult> OnPostCalendarLinkAsync(int id)
    {
        var userId = users.GetUserId(User);
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId);
        if (registration is null) return NotFound();
        registration.CalendarToken = Registration.NewBadgeCode();
        registration.Version = Guid.NewGuid();
        audit.Record(User.ToAuditActor(), "registration.calendar-token-regenerated", registration, $"Registration {registration.Id}: calendar link regenerated");
        try
        {
            await audit.SaveChangesAsync();
            this.ShowStatus("Your calendar link is new: subscribe again with it; the old one no longer works.");
        }
        catch (DbUpdateConcurrencyException)
        {
            this.ShowStatus("Your registration changed meanwhile; nothing was saved. Try again.");
        }
        return RedirectToPage(new { id });
    }

    private Task<Registration?> LoadAsync(int id)
    {
        var userId = users.GetUserId(User);
        return db.Registrations.AsNoTracking().Include(r => r.Summit).Include(r => r.Organisation)
            .FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId);
    }
}
