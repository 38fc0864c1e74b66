using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Web.Localization;

namespace WeProtect.Summit.Web.Pages.Summits.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>Creates a summit (no id) or edits one, and moves it along Draft → Open → Closed → Archived.
/// Times are entered in the summit's own zone and stored in UTC.</summary>
public class EditModel(SummitDbContext db, SummitDesk desk) : PageModel
{
    public sealed class InputModel
    {
        [Required, StringLength(Summit.NameMaxLength), Display(Name = "Name")] public string Name { get; set; } = "";
        [StringLength(Summit.NameMaxLength * 2), Display(Name = "Theme")] public string? Theme { get; set; }
        [StringLength(Summit.TextMaxLength), Display(Name = "Information for delegates")] public string? Description { get; set; }
        [Required, StringLength(Summit.NameMaxLength), Display(Name = "City")] public string City { get; set; } = "";
        [Required, Display(Name = "Country")] public string CountryCode { get; set; } = "";
        [StringLength(Summit.NameMaxLength), Display(Name = "Venue")] public string? Venue { get; set; }
        [Required, Display(Name = "First day")] public DateOnly? StartDate { get; set; }
        [Required, Display(Name = "Last day")] public DateOnly? EndDate { get; set; }
        [Required, Display(Name = "Time zone")] public string TimeZoneId { get; set; } = "UTC";
        [Display(Name = "Default language")] public string? DefaultLanguage { get; set; } = Data.Languages.InterfaceLanguages.Default;
        [Display(Name = "Registration opens"), DataType(DataType.DateTime)] public DateTime? RegistrationOpens { get; set; }
        [Display(Name = "Registration closes"), DataType(DataType.DateTime)] public DateTime? RegistrationCloses { get; set; }
        [Required, Display(Name = "Delegate capacity")] public int? DelegateCapacity { get; set; }
        [EmailAddress, StringLength(254), Display(Name = "Secretariat e-mail")] public string? ContactEmail { get; set; }
        // Nullable: a non-nullable list would be implicitly required, and a summit may have no host yet.
        [Display(Name = "Hosting organisations")] public List<int>? HostIds { get; set; }
        /// <summary>Offered on a new summit only: a summit held before it was run here, entered for the record.</summary>
        [Display(Name = "This summit has already taken place: record it for the Alliance's record (past dates, no registration; its statements' endorsements are entered as printed)")]
        public bool RecordedAfterwards { get; set; }
        /// <summary>A summit recorded afterwards: its attendance as its report printed it.</summary>
        [Display(Name = "Delegates")] public int? ReportedDelegates { get; set; }
        [Display(Name = "Countries represented")] public int? ReportedCountries { get; set; }
        [Display(Name = "Ministers among them")] public int? ReportedMinisters { get; set; }
        [StringLength(Summit.ReportedInMaxLength), Display(Name = "Where these figures are printed")] public string? ReportedIn { get; set; }
        public Guid? Version { get; set; }
        /// <summary>A new summit's one-time form key (<see cref="Summit.CreationKey"/>): a double submit creates one summit.</summary>
        public Guid? FormKey { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Summit? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> CountryOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> HostOptions { get; private set; } = [];
    public IReadOnlyList<string> ZoneOptions => SummitClock.ZoneIds;

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is not null)
        {
            Existing = await Load(id.Value);
            if (Existing is null) return NotFound();
            Input = ToInput(Existing);
        }
        else Input.FormKey = Guid.NewGuid();
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var summit = id is null ? new Summit() : await Load(id.Value);
        if (summit is null) return NotFound();
        Existing = id is null ? null : summit;

        if (ModelState.IsValid) await ApplyAsync(summit);
        if (!ModelState.IsValid) return await ReshowAsync();
        var result = await desk.SaveAsync(summit, Input.Version, User.ToAuditActor());
        // A repeated creation form is answered with the summit its first post made (result.Value).
        return await this.AnswerAsync(result, () => RedirectToPage(new { id = result.Value?.Id ?? summit.Id }), ReshowAsync, field => $"Input.{InputField(field)}");
    }

    /// <summary>Moves the summit to another status, as the entity allows.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, SummitStatus to, Guid version)
    {
        // The status form posts no summit fields: what binding said about the (absent) Input is not the problem.
        ModelState.Clear();
        var result = await desk.MoveAsync(id, to, version, User.ToAuditActor());
        return await this.AnswerAsync(result, () => RedirectToPage(new { id }), async () =>
        {
            db.ChangeTracker.Clear();
            Existing = await Load(id);
            if (Existing is null) return NotFound();
            Input = ToInput(Existing);
            return await ReshowAsync();
        });
    }

    private async Task<IActionResult> ReshowAsync()
    {
        await LoadOptionsAsync();
        return Page();
    }

    private Task<Summit?> Load(int id) => db.Summits.Include(s => s.Hosts).FirstOrDefaultAsync(s => s.Id == id);

    /// <summary>Copies the form onto the entity and puts every broken rule into ModelState.</summary>
    private async Task ApplyAsync(Summit summit)
    {
        if (summit.Id == 0 && Input.RecordedAfterwards) summit.RecordAfterwards();
        if (Input.FormKey is { } key) summit.CreatedFromForm(key);
        summit.Name = Input.Name.Trim();
        summit.Theme = Blank(Input.Theme);
        summit.Description = Blank(Input.Description?.Replace("\r\n", "\n"));
        summit.City = Input.City.Trim();
        summit.CountryCode = Input.CountryCode.Trim().ToUpperInvariant();
        summit.Venue = Blank(Input.Venue);
        summit.StartDate = Input.StartDate!.Value;
        summit.EndDate = Input.EndDate!.Value;
        summit.TimeZoneId = Input.TimeZoneId.Trim();
        summit.DefaultLanguage = Input.DefaultLanguage ?? Data.Languages.InterfaceLanguages.Default;
        summit.DelegateCapacity = Input.DelegateCapacity!.Value;
        summit.ContactEmail = Blank(Input.ContactEmail);
        if (summit.RecordedAfterwards)
            summit.ReportAttendance(Input.ReportedDelegates, Input.ReportedCountries, Input.ReportedMinisters, Input.ReportedIn);

        var zone = SummitClock.FindZone(summit.TimeZoneId);
        summit.RegistrationOpensUtc = ToUtc(Input.RegistrationOpens, zone, nameof(InputModel.RegistrationOpens));
        summit.RegistrationClosesUtc = ToUtc(Input.RegistrationCloses, zone, nameof(InputModel.RegistrationCloses));

        var hostIds = (Input.HostIds ?? []).Distinct().ToList();
        var hosts = await db.Organisations.Where(o => hostIds.Contains(o.Id)).ToListAsync();
        if (hosts.Count != hostIds.Count)
            ModelState.AddModelError($"Input.{nameof(InputModel.HostIds)}", Localization.Translations.OrKey(HttpContext, "A chosen host organisation is not in the directory."));
        summit.Hosts.RemoveAll(h => !hostIds.Contains(h.Id));
        summit.Hosts.AddRange(hosts.Where(h => summit.Hosts.All(existing => existing.Id != h.Id)));

        foreach (var (field, message) in summit.Validate())
            ModelState.AddModelError($"Input.{InputField(field)}", Localization.Translations.Of(HttpContext, message));
    }

    private DateTime? ToUtc(DateTime? local, TimeZoneInfo? zone, string field)
    {
        if (local is null || zone is null) return local is null ? null : DateTime.SpecifyKind(local.Value, DateTimeKind.Utc);
        var (utc, error) = SummitClock.ToUtc(local.Value, zone);
        if (error is not null) ModelState.AddModelError($"Input.{field}", Localization.Translations.Of(HttpContext, error));
        return utc;
    }

    private static string InputField(string entityField) => entityField switch
    {
        nameof(Summit.RegistrationOpensUtc) => nameof(InputModel.RegistrationOpens),
        nameof(Summit.RegistrationClosesUtc) => nameof(InputModel.RegistrationCloses),
        _ => entityField,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static InputModel ToInput(Summit s) => new()
    {
        Name = s.Name, Theme = s.Theme, Description = s.Description, City = s.City, CountryCode = s.CountryCode,
        Venue = s.Venue, StartDate = s.StartDate, EndDate = s.EndDate, TimeZoneId = s.TimeZoneId, DefaultLanguage = s.DefaultLanguage,
        RegistrationOpens = s.RegistrationOpensUtc is { } o ? s.ToLocal(o) : null,
        RegistrationCloses = s.RegistrationClosesUtc is { } c ? s.ToLocal(c) : null,
        DelegateCapacity = s.DelegateCapacity, ContactEmail = s.ContactEmail,
        HostIds = s.Hosts.Select(h => h.Id).ToList(), Version = s.Version,
        ReportedDelegates = s.ReportedDelegates, ReportedCountries = s.ReportedCountries, ReportedMinisters = s.ReportedMinisters,
        ReportedIn = s.ReportedIn,
    };

    private async Task LoadOptionsAsync()
    {
        CountryOptions = CountryNames.All.Select(c => new SelectListItem(c.Name, c.Code)).ToList();
        HostOptions = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.FormalName, o.SortName }).ToListAsync())
            .OrderBy(o => o.SortName, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true))
            .Select(o => new SelectListItem(o.FormalName, o.Id.ToString())).ToList();
    }
}
