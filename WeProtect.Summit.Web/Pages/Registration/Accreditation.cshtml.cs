using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Web.Accreditation;
using WeProtect.Summit.Web.Infrastructure.RateLimits;

namespace WeProtect.Summit.Web.Pages.Registration;

using WeProtect.Summit.Data.Registrations; // after the namespace line: "Registration" is also this namespace

/// <summary>The delegate's accreditation for one registration: nationality, passport or ID number and expiry (shown
/// in full only here, to its owner, in the form), the photo (checked and re-encoded by <see cref="PhotoReader"/>), and
/// the letter of invitation for a visa (request, state, download). Anyone else's registration answers 404. The page
/// is never cached: it carries the document number.</summary>
// Room for a file well over the limit (a 30 MB camera original), so that the handler answers it with a message.
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
[RequestSizeLimit(RequestLimit)]
[RateLimited(RateLimitedAction.Upload)]
public class AccreditationModel(SummitDbContext db, AccreditationDesk desk, VisaLetterDesk letters, DocumentNumberProtector numbers,
    UserManager<SummitUser> users) : PageModel
{
    public const int RequestLimit = 32 * 1024 * 1024;

    // In the request's language: built for each request.
    private UploadRule PhotoRule => new(PhotoReader.MaxBytes, Localization.Translations.OrKey(HttpContext, "Choose a photo (JPEG or PNG)."),
        Localization.Translations.OrKey(HttpContext, "The file is empty."),
        name => Localization.Translations.OrKey(HttpContext, "{0} is larger than {1} MB: make the photo smaller and upload it again.", name, PhotoReader.MaxBytes / (1024 * 1024)));

    [BindProperty] public string? NationalityCode { get; set; }
    [BindProperty] public string? DocumentNumber { get; set; }
    [BindProperty] public DateOnly? DocumentExpiry { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }

    public Data.Registrations.Registration Registration { get; private set; } = null!;
    public Data.Accreditations.Accreditation? Accreditation { get; private set; }
    public VisaLetter? Letter { get; private set; }
    public string? MaskedNumber { get; private set; }
    /// <summary>When someone other than the delegate (the secretariat) downloaded their letter, newest first.</summary>
    public IReadOnlyList<DateTime> LetterDownloads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ShowSavedDocument();
        return Page();
    }

    /// <summary>The travel document as saved, in the form's fields.</summary>
    private void ShowSavedDocument()
    {
        if (Accreditation is { HasDocument: true } a)
            (NationalityCode, DocumentNumber, DocumentExpiry) = (a.NationalityCode, numbers.Unprotect(a.ProtectedDocumentNumber!), a.DocumentExpiry);
    }

    public Task<IActionResult> OnPostDocumentAsync(int id, CancellationToken ct) => SaveAsync(id, photoButton: false, ct);

    public Task<IActionResult> OnPostPhotoAsync(int id, CancellationToken ct) => SaveAsync(id, photoButton: true, ct);

    /// <summary>One form, two buttons: each saves its own part (and says what is missing from it), and also the other
    /// part when the form brings it — a chosen photo, or a travel document typed differently from the one saved — so
    /// that nothing typed or chosen is silently dropped. Both parts are checked before either is saved: with an error
    /// in either, nothing is saved and the page shows again what was typed (never the file).</summary>
    private async Task<IActionResult> SaveAsync(int id, bool photoButton, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var saveDocument = !photoButton || DocumentTyped();
        var savePhoto = photoButton || Photo is { Length: > 0 };
        if (!saveDocument) ModelState.Clear(); // the document's fields are only shown again, not checked
        byte[]? jpeg = null;
        if (savePhoto && await this.ReadUploadAsync(nameof(Photo), Photo, PhotoRule, ct) is { } bytes)
        {
            var photo = PhotoReader.Read(bytes);
            if (photo.Problem is { } problem) ModelState.AddModelError(nameof(Photo), Localization.Translations.Of(HttpContext, problem));
            jpeg = photo.Jpeg;
        }
        if (saveDocument && ModelState.IsValid
            && DocumentNumbers.Validate(NationalityCode, DocumentNumber, DocumentExpiry, Registration.Summit.EndDate) is { Count: > 0 } errors)
            this.AddErrors(DeskResult.Invalid(errors), field => field);
        if (!ModelState.IsValid)
        {
            if (!saveDocument && !DocumentPosted) ShowSavedDocument();
            if (jpeg is not null) ModelState.AddModelError(nameof(Photo), Localization.Translations.OrKey(HttpContext, "Nothing was saved: choose the photo again once the travel document is corrected."));
            return Page();
        }
        var said = new List<DeskText>();
        foreach (var save in new Func<Task<DeskResult>>?[]
        {
            saveDocument ? () => desk.SaveDocumentAsync(id, UserId, NationalityCode, DocumentNumber, DocumentExpiry, User.ToAuditActor(), ct) : null,
            jpeg is not null ? () => desk.SavePhotoAsync(id, UserId, jpeg, User.ToAuditActor(), ct) : null,
        })
        {
            if (save is null) continue;
            var result = await save();
            if (!result.Succeeded && said.Count > 0)
            {
                // The document was saved, the photo not (a rare conflict): both said in one line, as the refusal it is.
                if (result.Answer == DeskAnswer.NotFound) return NotFound();
                this.ShowStatus(result with { Text = DeskResult.Joined([.. said, result.Text]) });
                return RedirectToPage(new { id });
            }
            if (!result.Succeeded) return await this.AnswerAsync(result, () => RedirectToPage(new { id }), () => ReshowAsync(id, ct), field => field);
            said.Add(result.Text);
        }
        this.ShowStatus(DeskResult.Done(DeskResult.Joined(said)));
        return RedirectToPage(new { id });
    }

    // False for a form from before the document and the photo shared it.
    private bool DocumentPosted => Request.HasFormContentType && Request.Form.ContainsKey(nameof(DocumentNumber));

    /// <summary>Whether the form brings a travel document other than the one saved (or any, when none is).</summary>
    private bool DocumentTyped()
    {
        if (!DocumentPosted) return false;
        if (ModelState.TryGetValue(nameof(DocumentExpiry), out var expiry) && expiry.Errors.Count > 0) return true; // a date that did not read
        if (Accreditation is not { HasDocument: true } a)
            return !string.IsNullOrWhiteSpace(NationalityCode) || !string.IsNullOrWhiteSpace(DocumentNumber) || DocumentExpiry is not null;
        return a.NationalityCode != NationalityCode || a.DocumentExpiry != DocumentExpiry
            || numbers.Unprotect(a.ProtectedDocumentNumber!) != DocumentNumbers.Normalise(DocumentNumber);
    }

    public async Task<IActionResult> OnPostVisaLetterAsync(int id, CancellationToken ct) =>
        this.Answer(await letters.RequestAsync(id, UserId, User.ToAuditActor(), ct), () => RedirectToPage(new { id }));

    private string UserId => users.GetUserId(User)!;

    private async Task<IActionResult> ReshowAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Summit)
            .FirstOrDefaultAsync(r => r.Id == id && r.UserId == userId, ct);
        if (registration is null) return false;
        Registration = registration;
        Accreditation = await db.Accreditations.AsNoTracking().FirstOrDefaultAsync(a => a.RegistrationId == id, ct);
        Letter = await db.VisaLetters.AsNoTracking().FirstOrDefaultAsync(v => v.RegistrationId == id, ct);
        MaskedNumber = numbers.Masked(Accreditation?.ProtectedDocumentNumber);
        var subject = id.ToString(CultureInfo.InvariantCulture);
        LetterDownloads = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == Data.Audit.DownloadLog.ActionPrefix + VisaLetterModel.VisaLetterDownload
                && e.SubjectType == nameof(Data.Registrations.Registration) && e.SubjectId == subject)
            .OrderByDescending(e => e.Sequence).Select(e => e.OccurredUtc).ToListAsync(ct);
        Response.Headers.CacheControl = "no-cache, no-store"; // as antiforgery sets it (a form is on the page): else it overrides it with a warning
        return true;
    }

    /// <summary>Why no letter can be asked for now, or null.</summary>
    public string? WhyNoLetter => VisaLetterDesk.WhyNotEligibleText(Registration, Accreditation) is { } why ? Localization.Translations.Of(HttpContext, why) : null;
}
