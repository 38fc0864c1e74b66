using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Summits;

/// <summary>"Create a sample summit": an open summit (<see cref="SummitDesk.CreateSampleAsync"/>) with something to
/// try in it, a two-day programme (rooms, themes, plenaries and breakouts) and a draft Statement of Action in the
/// statement grammar, each made through its own desk, so that every rule and audit event is the one organisers meet.</summary>
public sealed class SampleSummitDesk(SummitDbContext db, SummitDesk summits, BreakoutDesk breakouts, StatementDesk statements)
{
    private sealed record Session(int Day, TimeOnly Start, TimeOnly End, string Title, string Room, string? Theme, int Capacity,
        string Description, bool Plenary = false);

    private static readonly (string Name, int Capacity, string Notes)[] Rooms =
    [
        ("Plenary hall", 400, "Ground floor, main entrance. Interpretation booths for Arabic, English and French."),
        ("Breakout room A", 80, "First floor, east wing."),
        ("Breakout room B", 60, "First floor, west wing."),
        ("Breakout room C", 40, "Second floor. Hearing loop."),
    ];

    // Dark enough for white text on the agenda (contrast above 4.5:1).
    private static readonly (string Name, string Colour)[] Themes =
    [
        ("Law enforcement", "#1b3a5c"),
        ("Technology", "#5b2a86"),
        ("Victims and survivors", "#0b5e43"),
    ];

    private static readonly Session[] Programme =
    [
        new(0, new(9, 0), new(10, 0), "Opening plenary", "Plenary hall", null, 0,
            "Welcome by the host government and the Alliance; the summit's aims and the proposed Statement of Action.", Plenary: true),
        new(0, new(10, 30), new(12, 0), "Identifying victims and offenders across borders", "Breakout room A", "Law enforcement", 80,
            "How national police forces and international organisations share intelligence and images to identify victims faster."),
        new(0, new(10, 30), new(12, 0), "Safety by design", "Breakout room B", "Technology", 60,
            "Building protection into products from the start: age assurance, default settings and reporting tools."),
        new(0, new(10, 30), new(12, 0), "Listening to survivors", "Breakout room C", "Victims and survivors", 40,
            "Survivors and the organisations that support them on what services and policies should change."),
        new(0, new(14, 0), new(15, 30), "Detecting known abuse material", "Breakout room A", "Technology", 80,
            "Hash matching, its limits, and what transparency reports should say."),
        new(0, new(14, 0), new(15, 30), "National responses: what works", "Breakout room B", "Law enforcement", 60,
            "Governments compare their national responses and the help available to those starting one."),
        new(1, new(9, 0), new(10, 30), "Prevention and education", "Breakout room A", "Victims and survivors", 80,
            "Reaching children, parents and teachers before harm happens."),
        new(1, new(9, 0), new(10, 30), "Sharing data lawfully", "Breakout room C", "Law enforcement", 40,
            "Data protection and child protection together: what the law allows between countries and companies."),
        new(1, new(11, 0), new(12, 30), "Closing plenary: adopting the Statement of Action", "Plenary hall", null, 0,
            "Ministers and leaders adopt the Statement of Action and announce their commitments.", Plenary: true),
    ];

    /// <summary>A draft in the grammar of docs/statement-format.md: numbered preamble paragraphs, a part heading, a
    /// section of numbered commitments with lettered items, sections of bullet commitments, and a closing part.</summary>
    public const string StatementText = """
        # Statement of Action (sample)

        We, ministers and leaders of governments, international organisations, technology companies and civil society, meeting in Abu Dhabi, are united in our determination to protect children from sexual exploitation and abuse online.

        1. **Recognise** that no country, company or organisation can meet this threat alone.
        2. **Welcome** the progress made since the Alliance's first summit, and the commitments already made by its members.

        ## Our commitments {part}

        ## Governments {audience=government}

        In support of this, we commit to:

        1. **Strengthen our national responses**
           a. Review our legislation and practice against the Model National Response.
           b. Give law enforcement the powers, tools and training to identify victims and offenders online.
        2. **Support victims and survivors**
           a. Provide specialist services for children and their families.
           b. Involve survivors in designing the services meant for them.
        3. Publish an analysis of our national response every two years.

        ## Technology companies {audience=private-sector}

        - Detect and remove known child sexual abuse material from our services.
        - Design our products with children's safety in mind from the start.
        - Report each year, in public, on what we have done.

        ## Civil society organisations {audience=civil-society}

        - Bring the voices of survivors into policy and practice.
        - Share our research and evidence with the Alliance.

        {closing}

        Together, we will hold ourselves to account for these commitments and report on our progress at the next summit.
        """;

    public async Task<DeskResult<Summit>> CreateAsync(AuditActor actor, CancellationToken ct = default)
    {
        var created = await summits.CreateSampleAsync(actor, ct);
        if (!created.Succeeded || created.Value is not { } summit) return created;

        foreach (var (name, capacity, notes) in Rooms)
            if (await breakouts.SaveRoomAsync(summit.Id, null, null, name, capacity, notes, actor, ct) is { Succeeded: false } refused)
                return Failed(refused, summit);
        foreach (var (name, colour) in Themes)
            if (await breakouts.SaveThemeAsync(summit.Id, null, null, name, colour, actor, ct) is { Succeeded: false } refused)
                return Failed(refused, summit);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.SummitId == summit.Id).ToDictionaryAsync(r => r.Name, r => r.Id, ct);
        var themes = await db.Themes.AsNoTracking().Where(t => t.SummitId == summit.Id).ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var zone = SummitClock.FindZone(summit.TimeZoneId)!;
        DateTime Utc(int day, TimeOnly time) => SummitClock.ToUtc(summit.StartDate.AddDays(day).ToDateTime(time), zone).Utc;
        foreach (var session in Programme)
        {
            var breakout = new Breakout
            {
                SummitId = summit.Id, Title = session.Title, Description = session.Description, RoomId = rooms[session.Room],
                ThemeId = session.Theme is null ? null : themes[session.Theme], StartUtc = Utc(session.Day, session.Start),
                EndUtc = Utc(session.Day, session.End), Capacity = session.Capacity, IsPlenary = session.Plenary,
            };
            if (await breakouts.SaveAsync(summit, breakout, null, actor, ct: ct) is { Succeeded: false } refused) return Failed(refused, summit);
        }

        var statement = await statements.CreateAsync(summit.Id, StatementKind.StatementOfAction, "Statement of Action (sample)", actor, ct);
        if (!statement.Succeeded || statement.Value is null) return Failed(statement, summit);
        var text = await statements.AddVersionAsync(statement.Value, StatementParser.Parse(StatementText), 0, "The sample draft", actor, ct);
        if (!text.Succeeded) return Failed(text, summit);

        return DeskResult.Done($"Sample summit \"{summit.Name}\" created and open for registration, with a programme and a draft Statement of Action to try.").With(summit);
    }

    /// <summary>A part of the sample was refused (a rule changed under it): the summit stays, the organiser is told why.</summary>
    private static DeskResult<Summit> Failed(DeskResult refused, Summit summit) =>
        DeskResult.Refused($"The sample summit \"{summit.Name}\" was created, but not all of its sample content: {refused.Text}").With(summit);
}
