using Htmx;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Web.Pages.Invitations.Manage;

using WeProtect.Summit.Data.Summits;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

/// <summary>Organisers: a summit's registration mode, its invitations (one organisation from the form, or a CSV file,
/// all or nothing), and where each invited organisation stands (invited / nominated / registered / approved), with
/// a link to revoke (a confirmation page, <see cref="RevokeModel"/>) and "Remind those that have not nominated anyone" (once per press: the form carries its round's key).</summary>
[RateLimited(RateLimitedAction.Upload)]
public class IndexModel(SummitDbContext db, InvitationDesk desk, SummitDesk summits, TimeProvider clock) : PageModel
{
    // In the request's language: built for each request.
    private UploadRule UploadRule => new(InvitationCsv.MaxFileBytes, Localization.Translations.OrKey(HttpContext, "Choose a CSV file of invitations."),
        Localization.Translations.OrKey(HttpContext, "The file is empty."),
        name => Localization.Translations.OrKey(HttpContext, "{0} is larger than {1} KB. Split it into smaller files.", name, InvitationCsv.MaxFileBytes / 1024));

    public Summit Summit { get; private set; } = null!;
    public IReadOnlyList<DelegationProgress> Progress { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Statements { get; private set; } = [];
    /// <summary>The bad lines of the last uploaded file.</summary>
    public IReadOnlyList<string> FileErrors { get; private set; } = [];
    /// <summary>The key of the next reminder round: a new one each time the page is shown.</summary>
    public Guid RoundKey { get; } = Guid.NewGuid();
    /// <summary>The answer to "Remind" when the list is redrawn by htmx (a plain post shows it after the redirect).</summary>
    public string? RemindMessage { get; private set; }
    /// <summary>The note typed for the reminders, shown again with its error when it was refused.</summary>
    public string? ReminderNote { get; private set; }

    [BindProperty] public InviteInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }

    public sealed class InviteInput
    {
        [Display(Name = "Organisation")] public int? OrganisationId { get; set; }
        [Display(Name = "Focal point's e-mail")] public string? Email { get; set; }
        [Display(Name = "Heads of delegation")] public int? Heads { get; set; }
        [Display(Name = "Delegates")] public int? Delegates { get; set; }
        [Display(Name = "Proposed statement")] public int? StatementId { get; set; }
    }

    /// <summary>Each invited organisation's quota (heads of delegation, delegates), to say in the reader's language.</summary>
    public IReadOnlyDictionary<int, (int Heads, int Delegates)> Quotas { get; private set; } = new Dictionary<int, (int, int)>();

    /// <summary>"1 head of delegation and 3 delegates" in the reader's language; null without a quota.</summary>
    public string? QuotaText(int organisationId) => Quotas.TryGetValue(organisationId, out var q)
        ? (q.Heads == 1, q.Delegates == 1) switch
        {
            (true, true) => T("1 head of delegation and 1 delegate"),
            (true, false) => T("1 head of delegation and {0} delegates", q.Delegates),
            (false, true) => T("{0} heads of delegation and 1 delegate", q.Heads),
            _ => T("{0} heads of delegation and {1} delegates", q.Heads, q.Delegates),
        }
        : null;

    private string T(string text, params object[] values) => Localization.Translations.OrKey(HttpContext, text, values);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct) =>
        await LoadAsync(summitId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostModeAsync(int summitId, RegistrationMode mode, CancellationToken ct) =>
        this.Answer(await summits.SetRegistrationModeAsync(summitId, mode, User.ToAuditActor(), ct), () => RedirectToPage(new { summitId }));

    public async Task<IActionResult> OnPostInviteAsync(int summitId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ReshowAsync(summitId, ct);
        var row = new InvitationRow(0, Input.OrganisationId ?? 0, Input.Email ?? "", Input.Heads, Input.Delegates);
        var result = await desk.InviteAsync(summitId, [row], Input.StatementId, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(summitId, ct),
            field => field is "Quota" ? "Input.Delegates" : $"Input.{field}");
    }

    public async Task<IActionResult> OnPostUploadAsync(int summitId, int? statementId, CancellationToken ct)
    {
        var content = await this.ReadUploadAsync(nameof(Upload), Upload, UploadRule, ct);
        if (content is null) return await ReshowAsync(summitId, ct);
        var directory = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var file = InvitationCsv.Read(content, directory);
        if (!file.Succeeded)
        {
            FileErrors = file.Errors.Select(e => Localization.Translations.Of(HttpContext, e)).ToList();
            ModelState.AddModelError(nameof(Upload), Localization.Translations.OrKey(HttpContext, "Nothing was sent: correct the lines below and upload the file again."));
            return await ReshowAsync(summitId, ct);
        }
        var result = await desk.InviteAsync(summitId, file.Rows, statementId, User.ToAuditActor(), ct);
        if (result.Answer == Data.Desks.DeskAnswer.Refused && result.Errors.Count > 0)
        {
            FileErrors = result.Errors.Select(e => Localization.Translations.Of(HttpContext, e.Message)).ToList();
            ModelState.AddModelError(nameof(Upload), Localization.Translations.Of(HttpContext, result.Text));
            return await ReshowAsync(summitId, ct);
        }
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), () => ReshowAsync(summitId, ct), _ => nameof(Upload));
    }

    public async Task<IActionResult> OnPostRemindAsync(int summitId, Guid roundKey, string? reminderNote, CancellationToken ct)
    {
        var result = await desk.RemindAsync(summitId, roundKey, reminderNote, User.ToAuditActor(), ct);
        if (result.Refusal == Data.Desks.DeskRefusal.Invalid)
        {
            // The note is kept and shown again beside its error; the invitation form's fields were not posted.
            ModelState.Clear();
            this.AddErrors(result, _ => nameof(ReminderNote));
            ReminderNote = reminderNote;
            if (!await LoadAsync(summitId, ct)) return NotFound();
            return Request.IsHtmx() ? Partial("_Invited", this) : Page();
        }
        if (!Request.IsHtmx() || result.Answer == Data.Desks.DeskAnswer.NotFound)
            return this.Answer(result, () => RedirectToPage(new { summitId }));
        // htmx: the list again, with who was reminded when and the answer above it.
        RemindMessage = Localization.Translations.Of(HttpContext, result.Text);
        await LoadAsync(summitId, ct);
        return Partial("_Invited", this);
    }

    private async Task<IActionResult> ReshowAsync(int summitId, CancellationToken ct) =>
        await LoadAsync(summitId, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return false;
        Summit = summit;
        Progress = await DelegationProgress.OfSummitAsync(db, summitId, clock.GetUtcNow().UtcDateTime, ct);
        Quotas = await db.DelegationQuotas.AsNoTracking().Where(q => q.SummitId == summitId)
            .ToDictionaryAsync(q => q.OrganisationId, q => (q.HeadsOfDelegation, q.Delegates), ct);
        var byName = StringComparer.Create(CultureInfo.InvariantCulture, true);
        Organisations = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.FormalName, o.SortName }).ToListAsync(ct))
            .OrderBy(o => o.SortName, byName).Select(o => new SelectListItem(o.FormalName, o.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        Statements = (await db.Statements.AsNoTracking().Where(s => s.SummitId == summitId).Select(s => new { s.Id, s.Title }).ToListAsync(ct))
            .Select(s => new SelectListItem(s.Title, s.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        return true;
    }
}
