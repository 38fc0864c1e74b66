using WeProtect.Summit.Web.Localization;
using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;

namespace WeProtect.Summit.Web.Pages.Summits;

using WeProtect.Summit.Data.Summits;

/// <summary>The public page of a summit: what an invited delegate needs. Drafts are visible to organisers only.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public class DetailsModel(SummitDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words,
    Data.Statements.ConsultationRoster roster, Data.Invitations.InvitationDesk invitations, UserManager<SummitUser> users) : PageModel
{
    public Summit Summit { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool RegistrationOpenNow { get; private set; }
    /// <summary>Whether this visitor may register themselves now (<see cref="Summit.WhyCannotRegister"/>, as the
    /// registration page decides): false for a summit by invitation.</summary>
    public bool MayRegister { get; private set; }
    /// <summary>The signed-in visitor's own nomination link, when they hold one for this summit and it is open.</summary>
    public string? NominationLink { get; private set; }
    public string RegistrationState { get; private set; } = "";
    /// <summary>The signed-in user's registration for this summit. Anonymous pages (the cached ones) never have one.</summary>
    public int? MyRegistrationId { get; private set; }
    /// <summary>Statements whose text is final, with their published communiqué if any: what the public may read.</summary>
    public IReadOnlyList<PublicStatement> Statements { get; private set; } = [];
    /// <summary>Statements under consultation, listed to those the consultation page lets in (organisers, and the
    /// consulted members of <see cref="Data.Statements.ConsultationRoster"/>); empty for anyone else.</summary>
    public IReadOnlyList<ConsultedStatement> Consultations { get; private set; } = [];
    /// <summary>Documents attached to the summit as a whole, as far as the visitor may see them.</summary>
    public Web.Breakouts.MaterialList Materials { get; private set; } = new([], false);

    public sealed record ConsultedStatement(int Id, string Title, DateTime? ClosesUtc, bool Open);

    public sealed record PublicStatement(int Id, string Title, Data.Statements.StatementStatus Status, int? CommuniqueId)
    {
        public bool HasOpenedForSignature => Data.Statements.Statement.SigningHasOpened(Status);
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        CanManage = User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);
        var summit = await db.Summits.AsNoTracking().Include(s => s.Hosts).FirstOrDefaultAsync(s => s.Id == id);
        if (summit is null || (!summit.IsPublic && !CanManage)) return NotFound();
        Summit = summit;
        var now = clock.GetUtcNow().UtcDateTime;
        RegistrationOpenNow = summit.IsRegistrationOpen(now);
        MayRegister = summit.WhyCannotRegister(now, nominated: false) is null;
        RegistrationState = summit.Status switch
        {
            SummitStatus.Open when RegistrationOpenNow && summit.RegistrationMode == RegistrationMode.ByInvitation =>
                words["Registration is by invitation: delegates are nominated by their organisation's focal point, until {0} ({1}).", summit.ToLocal(summit.RegistrationClosesUtc!.Value).Said("d MMMM yyyy, HH:mm"), summit.TimeZoneId],
            SummitStatus.Open when RegistrationOpenNow =>
                words["Registration is open until {0} ({1}).", summit.ToLocal(summit.RegistrationClosesUtc!.Value).Said("d MMMM yyyy, HH:mm"), summit.TimeZoneId],
            SummitStatus.Open when now < summit.RegistrationOpensUtc =>
                words["Registration opens on {0} ({1}).", summit.ToLocal(summit.RegistrationOpensUtc!.Value).Said("d MMMM yyyy, HH:mm"), summit.TimeZoneId],
            SummitStatus.Draft => words["Not yet announced."],
            SummitStatus.Archived when summit.RecordedAfterwards => words["This summit took place before it was kept here: its record was entered afterwards from the printed documents."],
            SummitStatus.Archived => words["This summit has taken place; its record is kept here."],
            _ => words["Registration is closed."],
        };
        Statements = await db.Statements.AsNoTracking()
            .Where(st => st.SummitId == id && Data.Statements.Statement.PublicStatuses.Contains(st.Status))
            .OrderBy(st => st.CreatedUtc)
            .Select(st => new PublicStatement(st.Id, st.Title, st.Status,
                db.Communiques.Where(c => c.StatementId == st.Id && c.Status == Data.Communiques.CommuniqueStatus.Published)
                    .OrderByDescending(c => c.Revision).Select(c => (int?)c.Id).FirstOrDefault()))
            .ToListAsync();
        if (User.Identity?.IsAuthenticated == true && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            MyRegistrationId = await db.Registrations.Where(r => r.SummitId == id && r.UserId == userId
                    && r.Status != Data.Registrations.RegistrationStatus.Cancelled)
                .Select(r => (int?)r.Id).FirstOrDefaultAsync();
            if (MyRegistrationId is null && RegistrationOpenNow && summit.RegistrationMode == RegistrationMode.ByInvitation)
                NominationLink = await invitations.HeldNominationLinkAsync(id, (await users.GetUserAsync(User))?.Email, HttpContext.RequestAborted);
        }
        var userIdNow = User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (CanManage || await roster.ParticipantAsync(id, userIdNow, HttpContext.RequestAborted) is not null)
            Consultations = (await db.Statements.AsNoTracking()
                .Where(st => st.SummitId == id && st.Status == Data.Statements.StatementStatus.Consultation)
                .OrderBy(st => st.CreatedUtc).ToListAsync())
                .Select(st => new ConsultedStatement(st.Id, st.Title, st.ConsultationClosesUtc, st.TakesConsultationAt(now))).ToList();
        Materials = await Web.Breakouts.MaterialList.LoadAsync(db, id, breakoutId: null, User, HttpContext.RequestAborted);
        return Page();
    }
}
