using Htmx;
using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Data.Messages;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>Organisers write to a filtered set of the summit's delegates: the filter (the vetting queue's, plus
/// breakout and check-in), a preview for one recipient with the placeholders filled in, the send (through
/// <see cref="MessageDesk"/>), and the history of what was sent to whom. The filter starts at the approved delegates
/// (<see cref="AnyStatus"/> is chosen, never a default), and the count of recipients follows it: with htmx on each change
/// (<see cref="OnGetRecipientCountAsync"/>), without JavaScript through "Count the recipients" or any re-shown form.</summary>
public class MessagesModel(SummitDbContext db, MessageDesk desk, PublicLinks links,
    Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> words) : PageModel
{
    /// <summary>The status filter's word for every status; an absent or empty status means the approved delegates.</summary>
    public const string AnyStatus = RegistrationFilter.Any;

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
    /// <summary>The message in other languages: one pair of fields per language; a pair left empty is no version.</summary>
    [BindProperty] public List<VersionInput> Versions { get; set; } = [];

    public sealed class VersionInput
    {
        public string? Language { get; set; }
        public string? Subject { get; set; }
        public string? Body { get; set; }
    }

    /// <summary>One message of the history; <see cref="Audience"/> in the reader's language (<see cref="MessageAudiences"/>).</summary>
    public sealed record HistoryRow(int Id, DateTime CreatedUtc, string Subject, string Audience, string? Filter, int RecipientCount, int Sent, int Failed, string CreatedByName,
        DateTime? ScheduledForUtc, DateTime? SentUtc, DateTime? CancelledUtc, List<string> AlsoIn)
    {
        public bool IsWaiting => ScheduledForUtc is not null && SentUtc is null && CancelledUtc is null;
    }
    /// <summary>The message as one recipient will read it: the one who reads <see cref="Language"/>, or any recipient
    /// when none does (<see cref="Readers"/> is then 0).</summary>
    public sealed record PreviewLetter(string Language, string To, string Subject, string Body, int Readers);

    public Summit Summit { get; private set; } = null!;
    public RegistrationFilter Filter { get; private set; } = new();
    public int RecipientCount { get; private set; }
    /// <summary>How many of the matching delegates read e-mails in each language (RegistrationFilter.Key.Reads).</summary>
    public IReadOnlyDictionary<string, int> Readers { get; private set; } = new Dictionary<string, int>();
    /// <summary>The message as written, then each version given.</summary>
    public IReadOnlyList<PreviewLetter> Previews { get; private set; } = [];
    public PreviewLetter? Preview => Previews.FirstOrDefault();
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
        Versions = VersionRows();
        await CountAsync(summitId, ct);
        return Page();
    }

    /// <summary>The count of recipients for the filter chosen so far (htmx, on each change of a filter control): the
    /// same matching as the send. A plain request of it (no JavaScript) gets the whole page with that filter.</summary>
    public async Task<IActionResult> OnGetRecipientCountAsync(int summitId, CancellationToken ct)
    {
        Response.Headers.Append("Vary", "HX-Request");
        if (!Request.IsHtmx()) return await OnGetAsync(summitId, ct);
        if (await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct) is not { } summit) return NotFound();
        Summit = summit;
        Filter = ReadFilter();
        await CountAsync(summitId, ct);
        CountOnly = true;
        return Partial("_RecipientCount", this);
    }

    /// <summary>"Count the recipients" without JavaScript: the form again, as written, with the count for its filter.</summary>
    public async Task<IActionResult> OnPostCountAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        Filter = ReadFilter();
        Versions = VersionRows();
        if (Key == Guid.Empty) Key = Guid.NewGuid();
        await CountAsync(summitId, ct);
        return Page();
    }

    /// <summary>A post that names no handler (a crafted one) previews: nothing is ever sent without "Send".</summary>
    public Task<IActionResult> OnPostAsync(int summitId, CancellationToken ct) => OnPostPreviewAsync(summitId, ct);

    public async Task<IActionResult> OnPostPreviewAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        Filter = ReadFilter();
        Versions = VersionRows();
        var matching = await CountAsync(summitId, ct);
        if (Key == Guid.Empty) Key = Guid.NewGuid();
        var versions = Texts();
        foreach (var (field, message) in MessageDesk.Problems(Subject, Body, Language, versions))
            ModelState.AddModelError(VersionField(field), Localization.Translations.Of(HttpContext, message));
        if (!ModelState.IsValid) return Page();
        if (matching.Count == 0)
        {
            ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext, "No delegate matches this filter."));
            return Page();
        }
        var given = MessageDesk.Given(versions);
        var ordered = matching.OrderBy(k => k.FullName, IndexModel.NameOrder).ToList();
        var previews = new List<PreviewLetter>();
        // Each text with the readers who will get it, by the rule the letters follow.
        var languages = given.Select(v => v.Language).ToList();
        var mainReaders = ordered.Where(k => Data.Messages.DelegateMessage.VersionFor(k.Reads, languages) is null).ToList();
        previews.Add(await PreviewAsync(Language!, Subject!, Body!, mainReaders.FirstOrDefault() ?? ordered[0], mainReaders.Count, ct));
        foreach (var version in given)
        {
            var readers = ordered.Where(k => Data.Messages.DelegateMessage.VersionFor(k.Reads, languages) == version.Language).ToList();
            previews.Add(await PreviewAsync(version.Language!, version.Subject!, version.Body!, readers.FirstOrDefault() ?? ordered[0], readers.Count, ct));
        }
        Previews = previews;
        return Page();
    }

    /// <summary>One text as <paramref name="reader"/> will read it, the placeholders' words in the text's language.</summary>
    private async Task<PreviewLetter> PreviewAsync(string language, string subject, string body, RegistrationFilter.Key reader, int readers, CancellationToken ct)
    {
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Organisation).Include(r => r.User).SingleAsync(r => r.Id == reader.Id, ct);
        Dictionary<string, string> values;
        using (Localization.RecipientLanguage.Speak(language))
            values = MessageTemplate.ValuesFor(registration, Summit, links.Absolute, language, word => words[word].Value);
        return new PreviewLetter(language, $"{registration.FullName} <{registration.User.Email}>", MessageTemplate.Render(subject.Trim(), values),
            MessageTemplate.Render(body.Replace("\r\n", "\n"), values), readers);
    }

    public async Task<IActionResult> OnPostSendAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        Filter = ReadFilter();
        Versions = VersionRows();
        var result = await desk.SendAsync(summitId, Key, Subject, Body, Language, Texts(), Filter, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Registration/Manage/Message", new { summitId, messageId = result.Value!.Id }), async () =>
        {
            await CountAsync(summitId, ct);
            return Page();
        }, VersionField);
    }

    /// <summary>Keeps the message, with its filter, to go at <see cref="SendAt"/> (the summit's time zone).</summary>
    public async Task<IActionResult> OnPostScheduleAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadAsync(summitId, ct)) return NotFound();
        ModelState.Clear();
        Filter = ReadFilter();
        Versions = VersionRows();
        DateTime? sendAtUtc = null;
        if (SendAt is { } local)
        {
            var (utc, error) = SummitClock.ToUtc(local, Summit.Zone);
            if (error is not null) ModelState.AddModelError(nameof(SendAt), Localization.Translations.Of(HttpContext, error));
            else sendAtUtc = utc;
        }
        if (!ModelState.IsValid)
        {
            await CountAsync(summitId, ct);
            return Page();
        }
        var result = await desk.ScheduleAsync(summitId, Key, Subject, Body, Language, Texts(), Filter, sendAtUtc, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { summitId }), async () =>
        {
            await CountAsync(summitId, ct);
            return Page();
        }, VersionField);
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

    /// <summary>The matching delegates, counted in all and by the language they read.</summary>
    private async Task<List<RegistrationFilter.Key>> CountAsync(int summitId, CancellationToken ct)
    {
        var matching = await Filter.ReachableAsync(db, summitId, ct);
        RecipientCount = matching.Count;
        Readers = matching.GroupBy(k => k.Reads).ToDictionary(g => g.Key, g => g.Count());
        return matching;
    }

    /// <summary>One row per language other than the one the message is written in, with what was posted for it (a
    /// posted version in that language too, so that the error about it has its fields).</summary>
    private List<VersionInput> VersionRows() =>
        [.. Data.Languages.InterfaceLanguages.All
            .Select(l => Versions.FirstOrDefault(v => v.Language == l.Code) is { } posted
                ? new VersionInput { Language = l.Code, Subject = posted.Subject, Body = posted.Body }
                : new VersionInput { Language = l.Code })
            .Where(v => v.Language != Language || !string.IsNullOrWhiteSpace(v.Subject) || !string.IsNullOrWhiteSpace(v.Body))];

    private List<MessageVersionText> Texts() => [.. Versions.Select(v => new MessageVersionText(v.Language, v.Subject, v.Body))];

    /// <summary>The desk's "Subject.fr" is the French row's field here.</summary>
    private string VersionField(string field)
    {
        if (field.Split('.') is not [var part, var language]) return field;
        var row = Versions.FindIndex(v => v.Language == language);
        return row < 0 ? string.Empty : $"{nameof(Versions)}[{row}].{part}";
    }

    /// <summary>The filter as chosen; with no status chosen, the approved delegates: a message goes to pending or rejected
    /// people only when the organiser picks their status (or "All statuses").</summary>
    private RegistrationFilter ReadFilter()
    {
        var filter = RegistrationFilter.Parse(StatusFilter, SectorFilter, OrganisationFilter, CountryFilter, CategoryFilter,
            null, BreakoutFilter, CheckedInFilter, null, ReadsFilter);
        return string.IsNullOrWhiteSpace(StatusFilter) ? filter with { Status = RegistrationStatus.Approved } : filter;
    }

    /// <summary>The answer is the count alone (htmx): the count by language goes with it, out of band.</summary>
    public bool CountOnly { get; private set; }

    private async Task<bool> LoadAsync(int summitId, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return false;
        Summit = summit;
        var all = db.Registrations.AsNoTracking().Where(r => r.SummitId == summitId);
        var codes = await all.Select(r => r.Organisation != null ? r.Organisation.CountryCode : r.ProposedCountryCode).Distinct().ToListAsync(ct);
        CountryOptions = CountryNames.Sorted(codes.OfType<string>());
        OrganisationOptions = (await all.Where(r => r.OrganisationId != null).Select(r => new { r.Organisation!.Id, r.Organisation.FormalName }).Distinct().ToListAsync(ct))
            .Select(o => (o.Id, o.FormalName)).OrderBy(o => o.FormalName, IndexModel.NameOrder).ToList();
        BreakoutOptions = (await db.Breakouts.AsNoTracking().Where(b => b.SummitId == summitId).OrderBy(b => b.StartUtc).Select(b => new { b.Id, b.Title }).ToListAsync(ct))
            .Select(b => (b.Id, b.Title)).ToList();
        Reminders = await db.DelegateMessages.AsNoTracking().Where(m => m.SummitId == summitId && m.Reminder != null && m.CancelledUtc == null)
            .Select(m => m.Reminder!).ToListAsync(ct);
        History = await db.DelegateMessages.AsNoTracking().Where(m => m.SummitId == summitId).OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id).Take(100)
            .Select(m => new HistoryRow(m.Id, m.CreatedUtc, m.Subject, m.Audience, m.Filter, m.RecipientCount,
                db.DelegateMessageRecipients.Count(r => r.MessageId == m.Id && db.Notifications.Any(n => n.Id == r.NotificationId && n.SentUtc != null)),
                db.DelegateMessageRecipients.Count(r => r.MessageId == m.Id && db.Notifications.Any(n => n.Id == r.NotificationId && n.FailedUtc != null)),
                m.CreatedByName, m.ScheduledForUtc, m.SentUtc, m.CancelledUtc, m.Versions.Select(v => v.Language).ToList()))
            .ToListAsync(ct);
        var audiences = await MessageAudiences.SayAsync(db, HttpContext, [.. History.Select(m => new MessageAudiences.Written(m.Id, m.Filter, m.Audience))], ct);
        History = [.. History.Select(m => m with { Audience = audiences[m.Id] })];
        return true;
    }

    public string When(DateTime utc) => Summit.ToLocal(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
