using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Data.Vocabulary;

namespace WeProtect.Summit.Web.Pages.Registration.Manage;

using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Summits;

/// <summary>Attendance of one summit in the figures a report quotes ("over 400 delegates from 94 countries, 33 of
/// which field a minister"), with bar charts drawn on the server and a CSV export of the delegates.</summary>
public class DashboardModel(SummitDbContext db, DownloadLog downloads) : PageModel
{
    public sealed record Bar(string Label, int Value);

    /// <summary>One delegate as the dashboard and the CSV see them.</summary>
    public sealed record Delegate(string FullName, string Position, string Organisation, Sector? Sector, string? CountryCode,
        DelegateCategory Category, bool IsMinister, RegistrationStatus Status, DateTime? CheckedInUtc, string? NeedsNote = null, int Id = 0,
        Data.Invitations.ProtocolDetails? Protocol = null)
    {
        public ProtocolPlace Place => new(Category, Protocol?.Rank ?? Data.Invitations.ProtocolRank.None, IsMinister, Protocol?.Order);
    }

    /// <summary>What the downloads add to each delegate: ticked needs, travel, where the letter of invitation stands, and answers to every question of the
    /// summit (retired ones too: their answers are kept), by registration id.</summary>
    public sealed record Extras(IReadOnlyList<RegistrationQuestion> Questions, IReadOnlyDictionary<int, List<Need>> Needs,
        IReadOnlyDictionary<int, TravelDetails> Travel, IReadOnlyDictionary<int, Dictionary<int, string>> Answers,
        IReadOnlyDictionary<int, VisaLetterStatus> VisaLetters)
    {
        public static readonly Extras None = new([], new Dictionary<int, List<Need>>(), new Dictionary<int, TravelDetails>(),
            new Dictionary<int, Dictionary<int, string>>(), new Dictionary<int, VisaLetterStatus>());
    }

    public Summit Summit { get; private set; } = null!;
    public int Approved { get; private set; }
    public int CheckedIn { get; private set; }
    public int Pending { get; private set; }
    public int Waitlisted { get; private set; }
    public int Ministers { get; private set; }
    /// <summary>Countries represented by their governments: what a summit report counts.</summary>
    public int Countries { get; private set; }
    /// <summary>Home countries of every approved delegate's organisation, governments or not.</summary>
    public int OrganisationCountries { get; private set; }
    public int MinisterCountries { get; private set; }
    public IReadOnlyList<Bar> BySector { get; private set; } = [];
    public IReadOnlyList<Bar> ByCategory { get; private set; } = [];
    /// <summary>One row per country and kind: its government's delegation apart from companies and charities based there.</summary>
    public const string NoCountry = "No country (international)";

    public IReadOnlyList<(string Country, string Represents, int Delegates, bool Minister)> ByCountry { get; private set; } = [];

    /// <summary>"3 delegates from 2 countries, 1 of which fields a minister".</summary>
    public string Headline =>
        T(Localization.Plurals.Key(MinisterCountries, "{0} from {1}, {2:N0} of which fields a minister", "{0} from {1}, {2:N0} of which field a minister"), Plural(Approved, "{0:N0} delegate", "{0:N0} delegates"), Plural(Countries, "{0:N0} country", "{0:N0} countries"), MinisterCountries);

    public async Task<IActionResult> OnGetAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var all = await LoadDelegatesAsync(null, ct);
        var approved = all.Where(d => d.Status == RegistrationStatus.Approved).ToList();
        Approved = approved.Count;
        CheckedIn = approved.Count(d => d.CheckedInUtc is not null);
        Pending = all.Count(d => d.Status == RegistrationStatus.Pending);
        Waitlisted = all.Count(d => d.Status == RegistrationStatus.Waitlisted);
        Ministers = approved.Count(d => d.IsMinister);
        Countries = CountriesRepresented.Count(approved.Select(d => (d.Sector, d.CountryCode)));
        OrganisationCountries = approved.Select(d => d.CountryCode).OfType<string>().Distinct().Count();
        MinisterCountries = CountriesRepresented.Count(approved.Where(d => d.IsMinister).Select(d => (d.Sector, d.CountryCode)));
        BySector = Enum.GetValues<Sector>().Select(s => new Bar(s.DisplayName(), approved.Count(d => d.Sector == s))).ToList();
        if (approved.Any(d => d.Sector is null)) BySector = [.. BySector, new Bar("No sector given", approved.Count(d => d.Sector is null))];
        ByCategory = Enum.GetValues<DelegateCategory>().Select(c => new Bar(c.DisplayName(), approved.Count(d => d.Category == c))).ToList();
        ByCountry = approved.GroupBy(d => (Code: d.CountryCode ?? "", Government: d.Sector == Sector.Government))
            .Select(g => (Country: g.Key.Code == "" ? NoCountry : Localization.CountryNames.Of(g.Key.Code),
                Represents: g.Key.Government ? Sector.Government.Name() : "Other organisations", Delegates: g.Count(), Minister: g.Any(d => d.IsMinister)))
            .OrderBy(c => c.Represents == Sector.Government.Name() ? 0 : 1).ThenByDescending(c => c.Delegates).ThenBy(c => c.Country, Localization.CountryNames.Order).ToList();
        return Page();
    }

    /// <summary>The delegates as a spreadsheet: every registration, or those of one status (?status=Approved).</summary>
    public async Task<IActionResult> OnGetCsvAsync(int summitId, string? status, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        RegistrationStatus? only = Enum.TryParse<RegistrationStatus>(status, true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _) ? s : null;
        var delegates = await LoadDelegatesAsync(only, ct);
        var file = $"delegates-{Summit.Id}{(only is null ? "" : "-" + only.Value.ToString().ToLowerInvariant())}.csv";
        await RecordAsync("CSV", only, delegates.Count, ct);
        return File(WriteCsv(delegates, Summit, await LoadExtrasAsync(delegates, ct)), CsvExport.ContentType, file);
    }

    /// <summary>The same list as a spreadsheet with typed columns (minister yes/no, check-in time as a date).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int summitId, string? status, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        RegistrationStatus? only = Enum.TryParse<RegistrationStatus>(status, true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _) ? s : null;
        var delegates = await LoadDelegatesAsync(only, ct);
        var file = $"delegates-{Summit.Id}{(only is null ? "" : "-" + only.Value.ToString().ToLowerInvariant())}.xlsx";
        var extras = await LoadExtrasAsync(delegates, ct);
        await RecordAsync("xlsx", only, delegates.Count, ct);
        return File(XlsxExport.Write("Delegates", Headers(Summit, extras), Rows(delegates, Summit, extras)), XlsxExport.ContentType, file);
    }

    /// <summary>The approved delegates as a printable list grouped by country, then sector (PDF).</summary>
    public async Task<IActionResult> OnGetParticipantsPdfAsync(int summitId, CancellationToken ct)
    {
        if (!await LoadSummitAsync(summitId, ct)) return NotFound();
        var delegates = await LoadDelegatesAsync(RegistrationStatus.Approved, ct);
        // For the organiser's own use: in the language they read this page in.
        var texts = Localization.LanguageTexts.OfRequest();
        var pdf = Pdf.ParticipantListPdf.Render(Summit.Name, Pdf.BadgePdf.WhenWhere(Summit, texts.Language), delegates
            .Select(d => new Pdf.ParticipantListPdf.Participant(d.FullName, d.Position, d.Organisation, d.Sector, d.CountryCode, d.IsMinister, d.Protocol, d.Category)).ToList(), texts);
        Response.Headers.CacheControl = "no-cache, no-store";
        await downloads.RecordAsync(User.ToAuditActor(), "participants", Summit, $"List of participants of summit {Summit.Id} downloaded as PDF ({DownloadLog.Count(delegates.Count, "delegate", "delegates")})", ct);
        return File(pdf, "application/pdf", $"participants-{Summit.Id}.pdf");
    }

    private Task RecordAsync(string format, RegistrationStatus? only, int count, CancellationToken ct) =>
        downloads.RecordAsync(User.ToAuditActor(), "delegates", Summit,
            $"Delegates of summit {Summit.Id} ({(only is null ? "every status" : only.Value.ToString())}) downloaded as {format} ({DownloadLog.Count(count, "registration", "registrations")})", ct);

    private static string[] Headers(Summit summit, Extras extras) =>
    [
        "Name", "Position", "Organisation", "Sector", "Country", "Category", "Minister",
        "Honorific", "Title or position", "Rank", "Protocol order", "Protocol line",
        "Status", $"Checked in ({summit.TimeZoneId})",
        "Access needs", "Dietary needs", "Needs note", $"Arrival ({summit.TimeZoneId})", "Arrival flight", $"Departure ({summit.TimeZoneId})",
        "Departure flight", "Hotel", "Visa letter",
        .. extras.Questions.Select(q => q.Label + (q.IsRetired ? " (retired)" : "")),
    ];

    /// <summary>The downloads' words are English, as their headings and the other columns' values are.</summary>
    private static readonly Localization.LanguageTexts English = new(null);

    /// <summary>The columns of both downloads, typed; the CSV writes them as text. The protocol columns are what
    /// <see cref="Localization.ProtocolLine"/> makes of the delegate's details: the honorific, the title (else the
    /// position), the rank by its name (a registration marked ministerial without a rank says "Minister"), the protocol
    /// order, and the line "H.E. Ms Jane Doe, Minister of Interior, Republic of X" when any protocol detail is set.</summary>
    private static IEnumerable<object?[]> Rows(IEnumerable<Delegate> delegates, Summit summit, Extras extras) => delegates.Select(d =>
    {
        var needs = extras.Needs.GetValueOrDefault(d.Id) ?? [];
        var travel = extras.Travel.GetValueOrDefault(d.Id);
        var answers = extras.Answers.GetValueOrDefault(d.Id);
        var protocol = Localization.ProtocolLine.Of(d.Protocol ?? Data.Invitations.ProtocolDetails.None, d.FullName, d.Position, d.Organisation, English);
        object?[] row =
        [
            d.FullName, d.Position, d.Organisation, d.Sector?.DisplayName() ?? "",
            d.CountryCode is null ? "" : Data.Geography.Countries.NameOf(d.CountryCode),
            d.Category.DisplayName(), d.IsMinister,
            d.Protocol?.Normalised().Honorific ?? "", protocol.Designation ?? "",
            protocol.Rank ?? (d.IsMinister ? English[Data.Invitations.ProtocolDetails.RankName(Data.Invitations.ProtocolRank.Minister)] : ""),
            protocol.Order, protocol.IsEmpty ? "" : protocol.Text,
            Data.Vocabulary.Words.Name(d.Status),
            d.CheckedInUtc is { } at ? summit.ToLocal(at) : null,
            string.Join("; ", needs.Where(n => !n.IsDietary()).Order().Select(NeedNames.DisplayName)),
            string.Join("; ", needs.Where(n => n.IsDietary()).Order().Select(NeedNames.DisplayName)),
            d.NeedsNote ?? "",
            travel is null ? null : summit.ToLocal(travel.ArrivalUtc), travel?.ArrivalFlight ?? "",
            travel is null ? null : summit.ToLocal(travel.DepartureUtc), travel?.DepartureFlight ?? "",
            travel?.Hotel ?? "",
            extras.VisaLetters.TryGetValue(d.Id, out var visa) ? Data.Vocabulary.Words.Name(visa) : "Not requested",
            .. extras.Questions.Select(q => (object?)AnswerRules.Display(q.Kind, answers?.GetValueOrDefault(q.Id))),
        ];
        return row;
    });

    public static byte[] WriteCsv(IEnumerable<Delegate> delegates, Summit summit, Extras? extras = null) =>
        CsvExport.Write(Headers(summit, extras ?? Extras.None), Rows(delegates, summit, extras ?? Extras.None), "yyyy-MM-dd HH:mm");

    private async Task<Extras> LoadExtrasAsync(IReadOnlyList<Delegate> delegates, CancellationToken ct)
    {
        var ids = delegates.Select(d => d.Id).ToList();
        var needs = new Dictionary<int, List<Need>>();
        var travel = new Dictionary<int, TravelDetails>();
        var answers = new Dictionary<int, Dictionary<int, string>>();
        var visaLetters = new Dictionary<int, VisaLetterStatus>();
        // Chunks keep the IN lists within every provider's parameter limit at 4,000 delegates.
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var n in await db.RegistrationNeeds.AsNoTracking().Where(n => chunk.Contains(n.RegistrationId)).ToListAsync(ct))
                (needs.TryGetValue(n.RegistrationId, out var list) ? list : needs[n.RegistrationId] = []).Add(n.Need);
            foreach (var t in await db.TravelDetails.AsNoTracking().Where(t => chunk.Contains(t.RegistrationId)).ToListAsync(ct))
                travel[t.RegistrationId] = t;
            foreach (var a in await db.RegistrationAnswers.AsNoTracking().Where(a => chunk.Contains(a.RegistrationId)).ToListAsync(ct))
                (answers.TryGetValue(a.RegistrationId, out var map) ? map : answers[a.RegistrationId] = [])[a.QuestionId] = a.Value;
            foreach (var v in await db.VisaLetters.AsNoTracking().Where(v => chunk.Contains(v.RegistrationId)).Select(v => new { v.RegistrationId, v.Status }).ToListAsync(ct))
                visaLetters[v.RegistrationId] = v.Status;
        }
        return new Extras(await QuestionDesk.AllAsync(db, Summit.Id, ct), needs, travel, answers, visaLetters);
    }

    private async Task<List<Delegate>> LoadDelegatesAsync(RegistrationStatus? status, CancellationToken ct)
    {
        var registrations = db.Registrations.AsNoTracking().Where(r => r.SummitId == Summit.Id);
        if (status is { } only) registrations = registrations.Where(r => r.Status == only);
        var rows = await registrations
            .Select(r => new Delegate(r.FullName, r.Position,
                r.Organisation != null ? r.Organisation.FormalName : r.ProposedOrganisationName ?? "",
                r.Organisation != null ? r.Organisation.Sector : r.ProposedSector,
                r.Organisation != null ? r.Organisation.CountryCode : r.ProposedCountryCode,
                r.Category, r.IsMinister, r.Status, r.CheckedInUtc, r.AccessNeeds, r.Id, new Data.Invitations.ProtocolDetails(r.Title, r.Honorific, r.Rank, r.ProtocolOrder)))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Status).ThenBy(r => r.Organisation, IndexModel.NameOrder)
            .ThenInProtocolOrder(r => r.Place, r => r.FullName, IndexModel.NameOrder).ToList();
    }

    private async Task<bool> LoadSummitAsync(int summitId, CancellationToken ct)
    {
        var summit = await db.Summits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == summitId, ct);
        if (summit is null) return false;
        Summit = summit;
        return true;
    }

    /// <summary>"1 country", "12 countries" in the reader's language: the key <see cref="Localization.Plurals"/> picks
    /// for the count ("{0:N0} country", "{0:N0} countries").</summary>
    public string Plural(int n, string one, string other) => T(Localization.Plurals.Key(n, one, other), n);

    private string T(string text, params object[] values) => Localization.Translations.OrKey(HttpContext, text, values);

    /// <summary>A horizontal bar chart as SVG geometry: the widest bar fills <paramref name="width"/>.</summary>
    public static int BarWidth(int value, IReadOnlyList<Bar> bars, int width)
    {
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        return max == 0 ? 0 : (int)Math.Round((double)value / max * width);
    }
}
