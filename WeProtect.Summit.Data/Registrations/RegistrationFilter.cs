using System.Globalization;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>Which of a summit's registrations an organiser means: the one filter behind the vetting queue, "select all
/// N matching" and messages to delegates. The structured parts run in the database; the text search runs over a
/// small projection in memory, so that it ignores case and accents the same way on every provider.</summary>
public sealed record RegistrationFilter
{
    /// <summary>The value of the country filter for registrations whose organisation has no country.</summary>
    public const string NoCountry = "none";
    /// <summary>The value of the sector filter for registrations whose organisation is only proposed.</summary>
    public const string Proposed = "proposed";

    public RegistrationStatus? Status { get; init; }
    public Sector? Sector { get; init; }
    public bool ProposedOnly { get; init; }
    public int? OrganisationId { get; init; }
    /// <summary>An ISO code, or <see cref="NoCountry"/>.</summary>
    public string? Country { get; init; }
    public DelegateCategory? Category { get; init; }
    public bool? Minister { get; init; }
    /// <summary>Holds a confirmed seat at this breakout.</summary>
    public int? BreakoutId { get; init; }
    public bool? CheckedIn { get; init; }
    public string? Text { get; init; }
    /// <summary>The language the delegate's e-mails are written in (an interface language code): the one they chose,
    /// or the summit's default when they chose none. An organiser writing one message per language sends each to its readers.</summary>
    public string? Reads { get; init; }

    public bool IsEmpty => this == new RegistrationFilter();

    /// <summary>The parts given a value the filter does not know ("status=Bogus"), by their query-string names; null
    /// when every part was understood. Such a part filters nothing, so whatever acts on the whole set (a message, a
    /// bulk decision) is refused while there is one, and the lists say it instead of silently showing everyone.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Unread { get; init; }

    /// <summary>The word of any part that means "no filter on this", as the lists and the message page write it.</summary>
    public const string Any = "any";

    /// <summary>Reads the filter from query-string words; a part whose value is not understood filters nothing and
    /// is named in <see cref="Unread"/>.</summary>
    public static RegistrationFilter Parse(string? status, string? sector, string? organisation, string? country, string? category,
        string? minister, string? breakout, string? checkedIn, string? text, string? reads = null)
    {
        var proposed = string.Equals(sector, Proposed, StringComparison.OrdinalIgnoreCase);
        var code = country?.Trim().ToUpperInvariant();
        var filter = new RegistrationFilter
        {
            Status = EnumWord<RegistrationStatus>(status),
            ProposedOnly = proposed,
            Sector = !proposed && SectorNames.TryParse(sector, out var s) ? s : null,
            OrganisationId = Id(organisation),
            Country = string.Equals(code, NoCountry, StringComparison.OrdinalIgnoreCase) ? NoCountry : Countries.IsKnown(code) ? code : null,
            Category = EnumWord<DelegateCategory>(category),
            Minister = YesNo(minister),
            BreakoutId = Id(breakout),
            CheckedIn = YesNo(checkedIn),
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 200)],
            Reads = Languages.InterfaceLanguages.IsSupported(reads) ? reads : null,
        };
        List<string> unread = [];
        void Check(string name, string? given, bool read)
        {
            if (!read && !string.IsNullOrWhiteSpace(given) && !string.Equals(given.Trim(), Any, StringComparison.OrdinalIgnoreCase)) unread.Add(name);
        }
        Check("status", status, filter.Status is not null);
        Check("sector", sector, proposed || filter.Sector is not null);
        Check("organisation", organisation, filter.OrganisationId is not null);
        Check("country", country, filter.Country is not null);
        Check("category", category, filter.Category is not null);
        Check("minister", minister, filter.Minister is not null);
        Check("breakout", breakout, filter.BreakoutId is not null);
        Check("checkedin", checkedIn, filter.CheckedIn is not null);
        Check("reads", reads, filter.Reads is not null);
        return unread.Count == 0 ? filter : filter with { Unread = string.Join(", ", unread) };
    }

    private static T? EnumWord<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    private static int? Id(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static bool? YesNo(string? text) => text?.ToLowerInvariant() switch { "yes" or "true" => true, "no" or "false" => false, _ => null };

    /// <summary>The structured parts of the filter, as SQL.</summary>
    public IQueryable<Registration> Apply(IQueryable<Registration> registrations, SummitDbContext db)
    {
        if (Status is { } status) registrations = registrations.Where(r => r.Status == status);
        if (ProposedOnly) registrations = registrations.Where(r => r.OrganisationId == null);
        if (Sector is { } sector) registrations = registrations.Where(r => r.Organisation!.Sector == sector || (r.OrganisationId == null && r.ProposedSector == sector));
        if (OrganisationId is { } organisationId) registrations = registrations.Where(r => r.OrganisationId == organisationId);
        if (Country == NoCountry) registrations = registrations.Where(r => r.OrganisationId != null ? r.Organisation!.CountryCode == null : r.ProposedCountryCode == null);
        else if (Country is { } c) registrations = registrations.Where(r => r.Organisation!.CountryCode == c || (r.OrganisationId == null && r.ProposedCountryCode == c));
        if (Category is { } category) registrations = registrations.Where(r => r.Category == category);
        if (Minister is { } minister) registrations = registrations.Where(r => r.IsMinister == minister);
        if (BreakoutId is { } breakoutId)
            registrations = registrations.Where(r => db.Bookings.Any(b => b.RegistrationId == r.Id && b.BreakoutId == breakoutId && b.Status == BookingStatus.Confirmed));
        if (CheckedIn is { } checkedIn) registrations = registrations.Where(r => (r.CheckedInUtc != null) == checkedIn);
        // As the letters choose it (RecipientLanguage): the delegate's own choice, else the summit's language.
        if (Reads is { } reads) registrations = registrations.Where(r => (r.User.PreferredLanguage ?? r.Summit.DefaultLanguage) == reads);
        return registrations;
    }

    /// <summary>What the text search looks at, per registration, and the language the delegate reads e-mails in
    /// (<see cref="Languages.InterfaceLanguages.ReaderLanguage"/>).</summary>
    public sealed record Key(int Id, Guid Version, RegistrationStatus Status, DateTime CreatedUtc, string FullName, string OrganisationName,
        string? Email, string? CountryCode, string Reads);

    /// <summary>Every registration of the summit matching the whole filter, as small keys (a few dozen bytes each).</summary>
    public async Task<List<Key>> MatchingAsync(SummitDbContext db, int summitId, CancellationToken ct)
    {
        var rows = await Apply(db.Registrations.AsNoTracking().Where(r => r.SummitId == summitId), db)
            .Select(r => new
            {
                Key = new Key(r.Id, r.Version, r.Status, r.CreatedUtc, r.FullName,
                    r.Organisation != null ? r.Organisation.FormalName : r.ProposedOrganisationName ?? "", r.User.Email,
                    r.Organisation != null ? r.Organisation.CountryCode : r.ProposedCountryCode, ""),
                r.User.PreferredLanguage,
                r.Summit.DefaultLanguage,
            })
            .ToListAsync(ct);
        var keys = rows.Select(x => x.Key with { Reads = Languages.InterfaceLanguages.ReaderLanguage(x.PreferredLanguage, x.DefaultLanguage) }).ToList();
        return Text is { } text ? keys.Where(k => Matches(k.FullName, text) || Matches(k.OrganisationName, text) || Matches(k.Email ?? "", text)).ToList() : keys;
    }

    /// <summary>The matching delegates a message reaches: not those whose personal data was erased (no name and no
    /// address are left to write to).</summary>
    public async Task<List<Key>> ReachableAsync(SummitDbContext db, int summitId, CancellationToken ct) =>
        (await MatchingAsync(db, summitId, ct)).Where(k => !Retention.PersonalDataCatalogue.IsErasedDelegate(k.Id, k.FullName)).ToList();

    private static bool Matches(string value, string text) => Search.TextSearch.Contains(value, text);

    /// <summary>The filter in words, for a message's history ("Approved · Government · matching "kenya""): each part
    /// a <see cref="DeskText"/> said in the reader's language, or a name (organisation, breakout, country) as it is.
    /// <see cref="Describe"/> joins them in English for the audit trail; <paramref name="countryName"/> names a country in
    /// the reader's language (English when it is null).</summary>
    public IReadOnlyList<object> Parts(Func<int, string?> organisationName, Func<int, string?> breakoutTitle, Func<string, string>? countryName = null)
    {
        var parts = new List<object>();
        if (Status is { } status) parts.Add((DeskText)Vocabulary.Words.Name(status));
        if (ProposedOnly) parts.Add((DeskText)"proposed organisations");
        if (Sector is { } sector) parts.Add((DeskText)sector.DisplayName());
        if (OrganisationId is { } o)
        {
            if (organisationName(o) is { } name) parts.Add(name);
            else parts.Add((DeskText)$"organisation {o}");
        }
        if (Country == NoCountry) parts.Add((DeskText)"no country");
        else if (Country is { } c) parts.Add(countryName?.Invoke(c) ?? Countries.NameOf(c));
        if (Category is { } category) parts.Add((DeskText)category.DisplayName());
        if (Minister is { } minister) parts.Add(minister ? (DeskText)"ministers" : (DeskText)"not ministers");
        if (BreakoutId is { } b)
        {
            if (breakoutTitle(b) is { } title) parts.Add((DeskText)$"seat at {title}");
            else parts.Add((DeskText)$"seat at breakout {b}");
        }
        if (CheckedIn is { } checkedIn) parts.Add(checkedIn ? DeskText.LowerFirst("Checked in") : DeskText.LowerFirst("Not checked in"));
        if (Reads is { } reads) parts.Add((DeskText)$"reading {Languages.InterfaceLanguages.Get(reads).NativeName}");
        if (Text is { } text) parts.Add((DeskText)$"matching \"{text}\"");
        if (parts.Count == 0) parts.Add((DeskText)"Every registration");
        return parts;
    }

    /// <summary>The parts of <see cref="Parts"/> joined, each said by <paramref name="say"/> (English when it is null).</summary>
    public static string Join(IEnumerable<object> parts, Func<DeskText, string>? say = null) =>
        string.Join(" · ", parts.Select(p => p is DeskText text ? say?.Invoke(text) ?? text.ToString() : p.ToString()));

    /// <summary>The filter in English words, as the message keeps them for the audit trail.</summary>
    public string Describe(Func<int, string?> organisationName, Func<int, string?> breakoutTitle) => Join(Parts(organisationName, breakoutTitle));
}
