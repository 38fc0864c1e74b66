using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Messages;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>Organisers write to a filtered set of the summit's delegates: the filter (the vetting queue's, plus
/// breakout and check-in), a preview for one recipient with the placeholders filled in, the send (through
/// <see cref="MessageDesk"/>), and the history of what was sent to whom.</summary>
public class MessagesModel(SummitDbContext db, MessageDesk desk, PublicLinks links,
    Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")] public string? StatusFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "sector")] public string? SectorFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "organisation")] public string? OrganisationFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "country")] public string? CountryFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public string? CategoryFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "breakout")] public string? BreakoutFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "checkedin")] public string? CheckedInFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "reads")] public string? ReadsFilter { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    /// <summary>The language the message is written in (the summit's by default).</summary>
    [BindProperty] public string? Language { get; set; }
    /// <summary>The form's one-time key: posting the same form twice sends one message.</summary>
    [BindProperty] public Guid Key { get; set; }
    /// <summary>When a scheduled message goes, as the summit's clock reads (its time zone).</summary>
    [BindProperty] public DateTime? SendAt { get; set; }

    public sealed record HistoryRow(int Id, DateTime CreatedUtc, string Subject, string Audience, int RecipientCount, int Sent, int Failed, string CreatedByName,
        DateTime? ScheduledForUtc, DateTime? SentUtc, DateTime? CancelledUtc)
    {
        public bool IsWaiting => ScheduledForUtc is not null && SentUtc is null && CancelledUtc is null;
    }
    public sealed record PreviewLetter(string To, string Subject, string Body);

    public Summit Summit { get; private set; } = null!;
    public RegistrationFilter Filter { get; private set; } = new();
    public int RecipientCount { get; private set; }
    public PreviewLetter? Preview { get; private set; }
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    /// <summary>The standard reminders already scheduled (or sent) for this summit.</summary>
    public IReadOnlyList<string> Reminders { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> CountryOptions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> OrganisationOptions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> BreakoutOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        Key = Guid.NewGuid();
        Filter = ReadFilter();
        // Writing to the readers of one language: in that language, unless the organiser says otherwise.
        Language = Filter.Reads ?? Summit.DefaultLanguage;
        RecipientCount = (await Filter.MatchingAsync(db, summitId, ct)).Count;
        return Page();
    }

    /// <summary>The message as the first matching delegate would read it, and how many would receive it.</summary>
    /// <summary>A post that names no handler (a crafted one) previews: nothing is ever sent without "Send".</summary>
    public Task<IActionResult> OnPostAsync(int summitId, CancellationToken ct) => OnPostPreviewAsync(summitId, ct);

    public async Task<IActionResult> OnPostPreviewAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        Filter = ReadFilter();
        var matching = await Filter.MatchingAsync(db, summitId, ct);
        RecipientCount = matching.Count;
        if (Key == Guid.Empty) Key = Guid.NewGuid();
        foreach (var (field, message) in MessageDesk.Problems(Subject, Body, Language)) ModelState.AddModelError(field, Localization.Translations.Of(HttpContext, message));
        if (!ModelState.IsValid) return Page();
        if (matching.Count == 0)
        {
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "No delegate matches this filter."));
            return Page();
        }
        var first = matching.OrderBy(k => k.FullName, IndexModel.NameOrder).First();
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Organisation).Include(r => r.User).SingleAsync(r => r.Id == first.Id, ct);
        // As the delegate will read it: the placeholders' words in the message's language.
        Dictionary<string, string> values;
        using (Localization.RecipientLanguage.Speak(Language))
            values = MessageTemplate.ValuesFor(registration, Summit, links.Absolute, Language, word => words[word].Value);
        Preview = new PreviewLetter($"{registration.FullName} <{registration.User.Email}>", MessageTemplate.Render(Subject!.Trim(), values),
            MessageTemplate.Render(Body!.Replace("\r\n", "\n"), values));
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        Filter = ReadFilter();
        var result = await desk.SendAsync(summitId, Key, Subject, Body, Language, Filter, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Registration/Manage/Message", new { summitId, messageId = result.Value!.Id }), async () =>
        {
            RecipientCount = (await Filter.MatchingAsync(db, summitId, ct)).Count;
            return Page();
        }, field => field);
    }

    /// <summary>Keeps the message, with its filter, to go at <see cref="SendAt"/> (the summit's time zone).</summary>
    public async Task<IActionResult> OnPostScheduleAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        Filter = ReadFilter();
        DateTime? sendAtUtc = null;
        if (SendAt is { } local)
        {
            var (utc, error) = SummitClock.ToUtc(local, Summit.Zone);
            if (error is not null) ModelState.AddModelError(nameof(SendAt), Localization.Translations.OrKey(HttpContext, error));
            else sendAtUtc = utc;
        }
        if (!ModelState.IsValid)
        {
            RecipientCount = (await Filter.MatchingAsync(db, summitId, ct)).Count;
            return Page();
        }
        var result = await desk.ScheduleAsync(summitId, Key, Subject, Body, Language, Filter, sendAtUtc, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), async () =>
        {
            RecipientCount = (await Filter.MatchingAsync(db, summitId, ct)).Count;
            return Page();
        }, field => field);
    }

    /// <summary>One of the standard reminders, at its time for this summit (one live reminder of each kind, so it needs no form key).</summary>
    public async Task<IActionResult> OnPostReminderAsync(int summitId, string? reminder, CancellationToken ct)
    {
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return NotFound();
        var result = await desk.ScheduleReminderAsync(summitId, Guid.NewGuid(), reminder, User.ToAuditActor(), ct);
        return this.Answer(result, () => RedirectToPage(new { summitId }));
    }

    /// <summary>Cancels a scheduled message before it goes.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int summitId, int messageId, CancellationToken ct)
    {
        var result = await desk.CancelAsync(summitId, messageId, User.ToAuditActor(), ct);
        return this.Answer(result, () => RedirectToPage(new { summitId }));
    }

    private RegistrationFilter ReadFilter() => RegistrationFilter.Parse(StatusFilter, SectorFilter, OrganisationFilter, CountryFilter, CategoryFilter,
        null, BreakoutFilter, CheckedInFilter, null, ReadsFilter);

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return false;
        Summit = summit;
        var all = db.Registrations.AsNoTracking().Where(r => r.SummitId == summitId);
        var codes = await all.Select(r => r.Organisation != null ? r.Organisation.CountryCode : r.ProposedCountryCode).Distinct().ToListAsync(ct);
        CountryOptions = codes.OfType<string>().Select(x => (Code: x, Name: Countries.NameOf(x))).OrderBy(x => x.Name, IndexModel.NameOrder).ToList();
        OrganisationOptions = (await all.Where(r => r.OrganisationId != null).Select(r => new { r.Organisation!.Id, r.Organisation.FormalName }).Distinct().ToListAsync(ct))
            .Select(o => (o.Id, o.FormalName)).OrderBy(o => o.FormalName, IndexModel.NameOrder).ToList();
        BreakoutOptions = (await db.Breakouts.AsNoTracking().Where(b => b.SummitId == summitId).OrderBy(b => b.StartUtc).Select(b => new { b.Id, b.Title }).ToListAsync(ct))
            .Select(b => (b.Id, b.Title)).ToList();
        Reminders = await db.DelegateMessages.AsNoTracking().Where(m => m.SummitId == summitId && m.Reminder != null && m.CancelledUtc == null)
            .Select(m => m.Reminder!).ToListAsync(ct);
        History = await db.DelegateMessages.AsNoTracking().Where(m => m.SummitId == summitId).OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id).Take(100)
            .Select(m => new HistoryRow(m.Id, m.CreatedUtc, m.Subject, m.Audience, m.RecipientCount,
                db.DelegateMessageRecipients.Count(r => r.MessageId == m.Id && db.Notifications.Any(n => n.Id == r.NotificationId && n.SentUtc != null)),
                db.DelegateMessageRecipients.Count(r => r.MessageId == m.Id && db.Notifications.Any(n => n.Id == r.NotificationId && n.FailedUtc != null)),
                m.CreatedByName, m.ScheduledForUtc, m.SentUtc, m.CancelledUtc))
            .ToListAsync(ct);
        return true;
    }

    public string When(DateTime utc) => Summit.ToLocal(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
