using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Web.Pages.Breakouts.Manage;

using WeProtect.Summit.Data.Summits;

/// <summary>Creates a breakout (no id) or edits one. Date and times are entered in the summit's zone and stored in
/// UTC. Facilitators are people with an account, named by their e-mail addresses. Moving a breakout (time or room)
/// raises its Sequence and tells every confirmed and waitlisted delegate by e-mail.</summary>
public class EditModel(SummitDbContext db, BreakoutDesk desk, ILookupNormalizer normalizer) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "The breakout needs a title."), StringLength(Breakout.TitleMaxLength), Display(Name = "Title")] public string Title { get; set; } = "";
        [StringLength(Breakout.DescriptionMaxLength), Display(Name = "Description")] public string? Description { get; set; }
        [Display(Name = "Theme")] public int? ThemeId { get; set; }
        [Required(ErrorMessage = "Choose a room of this summit."), Display(Name = "Room")] public int? RoomId { get; set; }
        [Required(ErrorMessage = "Give the day of the breakout."), Display(Name = "Date")] public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Give the time the breakout starts."), Display(Name = "Starts")] public TimeOnly? StartTime { get; set; }
        [Required(ErrorMessage = "Give the time the breakout ends."), Display(Name = "Ends")] public TimeOnly? EndTime { get; set; }
        /// <summary>Required unless the session is a plenary (checked when the form is applied).</summary>
        [Display(Name = "Capacity")] public int? Capacity { get; set; }
        [Display(Name = "Plenary session (all delegates, no booking)")] public bool IsPlenary { get; set; }
        [Display(Name = "Facilitating organisations")] public List<int>? OrganisationIds { get; set; }
        /// <summary>E-mail addresses of facilitators' accounts, one a line (or separated by commas).</summary>
        [Display(Name = "Facilitators"), StringLength(4000)] public string? FacilitatorEmails { get; set; }
        public Guid? Version { get; set; }
        /// <summary>Move even though some seat holders have a seat at another session at the new time.</summary>
        [Display(Name = "Move it anyway, and ask them to give up one of the two seats")] public bool ConfirmClashes { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Summit Summit { get; private set; } = null!;
    public Breakout? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> RoomOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ThemeOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    /// <summary>The move was refused until confirmed (<see cref="BreakoutDesk.MoveSplitsSeats"/>): the form offers the box.</summary>
    public bool AskToConfirmMove { get; private set; }

    public async Task<IActionResult> OnGetAsync(int summitId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(summitId, id, ct) is { } missing) return missing;
        Input = Existing is null ? new InputModel { Date = Summit.StartDate } : ToInput(Existing);
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int summitId, int? id, CancellationToken ct)
    {
        if (await LoadAsync(summitId, id, ct) is { } missing) return missing;
        var breakout = Existing ?? new Breakout { SummitId = summitId };
        // A cancelled breakout is not changed: the desk says why, without the form's rules in the way.
        if (ModelState.IsValid && breakout.WhyUnchangeable is null) await ApplyAsync(breakout, ct);
        if (!ModelState.IsValid) return await ReshowAsync(ct);
        var result = await desk.SaveAsync(Summit, breakout, Input.Version, User.ToAuditActor(), Input.ConfirmClashes, ct);
        AskToConfirmMove = result.Refusal == Data.Desks.DeskRefusal.NeedsConfirmation;
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId, id = breakout.Id }), () => ReshowAsync(ct));
    }

    /// <summary>Copies the form onto the entity and puts every broken rule into ModelState, keyed by field.</summary>
    private async Task ApplyAsync(Breakout breakout, CancellationToken ct)
    {
        breakout.Title = Input.Title.Trim();
        breakout.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Replace("\r\n", "\n").Trim();
        breakout.IsPlenary = Input.IsPlenary;
        if (Input.IsPlenary) breakout.Capacity = Input.Capacity ?? 0;
        else if (Input.Capacity is { } capacity) breakout.Capacity = capacity;
        else AddError(nameof(InputModel.Capacity), "Give the number of seats.");

        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == Input.RoomId && r.SummitId == Summit.Id, ct);
        if (room is not null) breakout.RoomId = room.Id;
        if (Input.ThemeId is null) breakout.ThemeId = null;
        else if (await db.Themes.AnyAsync(t => t.Id == Input.ThemeId && t.SummitId == Summit.Id, ct)) breakout.ThemeId = Input.ThemeId;
        else AddError(nameof(InputModel.ThemeId), "Choose a theme of this summit (or none).");

        var date = Input.Date!.Value;
        var (start, startError) = SummitClock.ToUtc(date.ToDateTime(Input.StartTime!.Value), Summit.Zone);
        // An end at 00:00 after a later start is midnight at the end of that day (an evening session to midnight).
        var endDate = Input.EndTime == TimeOnly.MinValue && Input.StartTime > TimeOnly.MinValue ? date.AddDays(1) : date;
        var (end, endError) = SummitClock.ToUtc(endDate.ToDateTime(Input.EndTime!.Value), Summit.Zone);
        if (startError is not null) AddError(nameof(InputModel.StartTime), startError);
        if (endError is not null) AddError(nameof(InputModel.EndTime), endError);
        var timesKnown = startError is null && endError is null;
        if (timesKnown) (breakout.StartUtc, breakout.EndUtc) = (start, end);

        var organisationIds = (Input.OrganisationIds ?? []).Distinct().ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToListAsync(ct);
        if (organisations.Count != organisationIds.Count)
            AddError(nameof(InputModel.OrganisationIds), "A chosen organisation is not in the directory.");
        breakout.FacilitatingOrganisations.RemoveAll(o => !organisationIds.Contains(o.Id));
        breakout.FacilitatingOrganisations.AddRange(organisations.Where(o => breakout.FacilitatingOrganisations.All(x => x.Id != o.Id)));

        var facilitators = await FacilitatorsAsync(ct);
        var facilitatorIds = facilitators.Select(f => f.Id).ToList();
        breakout.Facilitators.RemoveAll(f => !facilitatorIds.Contains(f.Id));
        breakout.Facilitators.AddRange(facilitators.Where(f => breakout.Facilitators.All(x => x.Id != f.Id)));

        // Times that could not be converted were reported already; the desk leaves out the rules about them.
        foreach (var (field, message) in await desk.CheckAsync(Summit, breakout, room, timesKnown, ct))
            AddError(InputField(field), message);
    }

    /// <summary>The accounts named in the facilitators box; an address without an account is a message.</summary>
    private async Task<List<SummitUser>> FacilitatorsAsync(CancellationToken ct)
    {
        var emails = (Input.FacilitatorEmails ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var normalized = emails.Select(e => normalizer.NormalizeEmail(e)).ToList();
        var users = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!)).ToListAsync(ct);
        foreach (var email in emails.Where(e => users.All(u => u.NormalizedEmail != normalizer.NormalizeEmail(e))))
            AddError(nameof(InputModel.FacilitatorEmails), $"Nobody has an account with the address {email}: ask them to register first.");
        return users;
    }

    private void AddError(string field, Data.Desks.DeskText message) => ModelState.AddModelError($"Input.{field}", Localization.Translations.Of(HttpContext, message));

    private static string InputField(string entityField) => entityField switch
    {
        nameof(Breakout.StartUtc) => nameof(InputModel.Date),
        nameof(Breakout.EndUtc) => nameof(InputModel.EndTime),
        nameof(Breakout.Facilitators) => nameof(InputModel.FacilitatorEmails),
        _ => entityField,
    };

    private InputModel ToInput(Breakout b)
    {
        var start = Summit.ToLocal(b.StartUtc);
        var end = Summit.ToLocal(b.EndUtc);
        return new()
        {
            Title = b.Title, Description = b.Description, ThemeId = b.ThemeId, RoomId = b.RoomId,
            Date = DateOnly.FromDateTime(start), StartTime = TimeOnly.FromDateTime(start), EndTime = TimeOnly.FromDateTime(end),
            Capacity = b.IsPlenary && b.Capacity == 0 ? null : b.Capacity, IsPlenary = b.IsPlenary, OrganisationIds = b.FacilitatingOrganisations.Select(o => o.Id).ToList(),
            FacilitatorEmails = string.Join("\n", b.Facilitators.Select(f => f.Email)), Version = b.Version,
        };
    }

    /// <summary>The summit and the breakout (tracked, for editing), or the 404 to answer.</summary>
    private async Task<IActionResult?> LoadAsync(int summitId, int? id, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return NotFound();
        Summit = summit;
        if (id is null) return null;
        Existing = await db.Breakouts.Include(b => b.FacilitatingOrganisations).Include(b => b.Facilitators)
            .FirstOrDefaultAsync(b => b.Id == id && b.SummitId == summitId, ct);
        return Existing is null ? NotFound() : null;
    }

    private async Task<IActionResult> ReshowAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadOptionsAsync(ct);
        return Page();
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var order = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true);
        RoomOptions = (await db.Rooms.AsNoTracking().Where(r => r.SummitId == Summit.Id).ToListAsync(ct))
            .OrderBy(r => r.Name, order).Select(r => new SelectListItem(Localization.Translations.OrKey(HttpContext, Localization.Plurals.Key(r.Capacity, "{0} ({1} seat)", "{0} ({1} seats)"), r.Name, r.Capacity.ToString("N0", CultureInfo.CurrentCulture)), r.Id.ToString())).ToList();
        ThemeOptions = (await db.Themes.AsNoTracking().Where(t => t.SummitId == Summit.Id).ToListAsync(ct))
            .OrderBy(t => t.Name, order).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList();
        OrganisationOptions = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.FormalName, o.SortName }).ToListAsync(ct))
            .OrderBy(o => o.SortName, order).Select(o => new SelectListItem(o.FormalName, o.Id.ToString())).ToList();
    }
}
