using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>Organisers: the summit's requests for letters of invitation (the document number masked), approve
/// (the job then renders and signs the letter) or refuse with a reason; and the host's wording of the letters.</summary>
public class VisaLettersModel(SummitDbContext db, VisaLetterDesk desk, DocumentNumberProtector numbers) : PageModel
{
    public sealed record Row(int Id, Guid Version, int RegistrationId, string FullName, string Organisation, string? Nationality,
        string? MaskedNumber, DateOnly? Expiry, bool Complete, VisaLetterStatus Status, DateTime RequestedUtc, string? RefusalReason, string? LastError);

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [BindProperty] public string? Wording { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        Wording = await db.VisaLetterSettings.AsNoTracking().Where(s => s.SummitId == summitId).Select(s => s.HostWording).FirstOrDefaultAsync(ct)
            ?? VisaLetterSettings.DefaultWording;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int summitId, int letterId, Guid version, CancellationToken ct) =>
        this.Answer(await desk.ApproveAsync(summitId, letterId, version, User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }));

    public async Task<IActionResult> OnPostRefuseAsync(int summitId, int letterId, Guid version, CancellationToken ct) =>
        this.Answer(await desk.RefuseAsync(summitId, letterId, version, Reason, User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }));

    public async Task<IActionResult> OnPostWordingAsync(int summitId, CancellationToken ct) =>
        await this.AnswerAsync(await desk.SaveWordingAsync(summitId, Wording, User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }),
            async () => await LoadAsync(summitId, ct) ? Page() : NotFound(), field => field);

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return false;
        Summit = summit;
        var rows = await (from v in db.VisaLetters.AsNoTracking()
                          where v.SummitId == summitId
                          join r in db.Registrations on v.RegistrationId equals r.Id
                          join a in db.Accreditations on r.Id equals a.RegistrationId into accreditations
                          from a in accreditations.DefaultIfEmpty()
                          orderby v.RequestedUtc, v.Id
                          select new
                          {
                              v.Id, v.Version, v.RegistrationId, r.FullName, Organisation = r.Organisation != null ? r.Organisation.FormalName : r.ProposedOrganisationName,
                              Nationality = a == null ? null : a.NationalityCode, Number = a == null ? null : a.ProtectedDocumentNumber,
                              Expiry = a == null ? null : a.DocumentExpiry, HasPhoto = a != null && a.Photo != null,
                              v.Status, v.RequestedUtc, v.RefusalReason, v.LastError,
                          }).ToListAsync(ct);
        Rows = rows.Select(x => new Row(x.Id, x.Version, x.RegistrationId, x.FullName, x.Organisation ?? "",
            x.Nationality is null ? null : CountryNames.Of(x.Nationality), numbers.Masked(x.Number), x.Expiry,
            x.Nationality is not null && x.Number is not null && x.Expiry is not null && x.HasPhoto,
            x.Status, x.RequestedUtc, x.RefusalReason, x.LastError)).ToList();
        return true;
    }
}
