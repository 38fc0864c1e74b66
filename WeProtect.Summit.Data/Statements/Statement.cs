using WeProtect.Summit.Data.Desks;
namespace WeProtect.Summit.Data.Statements;

/// <summary>A text a summit adopts. Its wording lives in immutable <see cref="StatementVersion"/>s; the statement
/// decides which steps are allowed and, once final, freezes one version for good.</summary>
public class Statement
{
    public const int TitleMaxLength = 300;

    public int Id { get; set; }
    public int SummitId { get; set; }
    public Summits.Summit Summit { get; set; } = null!;
    public StatementKind Kind { get; set; }
    /// <summary>The statement's one title, on every page, file name and PDF. Typed when the statement is created (a
    /// working title); from the first version on it is the <c>#</c> title of the latest version, set by
    /// <see cref="AddVersion"/>, so the text and the pages never disagree.</summary>
    public string Title { get; set; } = "";
    public StatementStatus Status { get; private set; } = StatementStatus.Draft;
    public DateTime? SigningOpensUtc { get; set; }
    public DateTime? SigningClosesUtc { get; set; }
    /// <summary>When the consultation ends (a setting, optional): comments and amendments are taken until then, and
    /// delegates are told the date. The statement stays under consultation until an organiser moves it on.</summary>
    public DateTime? ConsultationClosesUtc { get; set; }
    /// <summary>When true, the public "Agreed by" list shows only the count until the communiqué is published.</summary>
    public bool SignatoriesEmbargoed { get; set; }
    /// <summary>How the "Agreed by" list is printed: by sector, or one alphabetical list. A setting, frozen with the
    /// others once signing is closed; change it with <see cref="SetAgreedByLayout"/>.</summary>
    public Endorsements.AgreedByLayout AgreedByLayout { get; private set; } = Endorsements.AgreedByLayout.BySector;
    /// <summary>The statement stays open for late endorsements after its communiqué is published: organisations may
    /// still sign (through the same signing flow), and organisers publish revisions of the communiqué. Chosen with
    /// the other settings (<see cref="SetLateEndorsements"/>); it can be ended at any time, never started again once
    /// the settings are frozen.</summary>
    public bool LateEndorsements { get; private set; }
    /// <summary>A standing statement (the Alliance's membership commitments, endorsed by an organisation when it joins):
    /// once open for signature it takes endorsements at any time, closed or published alike, with no signing window;
    /// each endorsement is still bound to the final text's hash and audited, and shows in "Agreed by" at once (no
    /// embargo). Set with <see cref="SetStanding"/>.</summary>
    public bool Standing { get; private set; }
    /// <summary>The earlier statement this one reaffirms ("We reaffirm and endorse the Statement of Action of …"): shown
    /// on both, and its commitments carry on into cycles on this one. Set with <see cref="SetReaffirms"/>.</summary>
    public int? ReaffirmsStatementId { get; private set; }
    /// <summary>A statement of a summit <see cref="Summits.Summit.RecordedAfterwards"/>: it is never opened for signature;
    /// once final, the secretariat records its endorsements as printed and closes the record (final → closed), and its
    /// communiqué is published as for any other. Copied from the summit when the statement is created, so that the
    /// statement's own steps need not load it.</summary>
    public bool RecordedAfterwards { get; init; }
    /// <summary>Set once signing invitations were queued, so that reopening or a re-run does not send them twice.</summary>
    public DateTime? InvitationsQueuedUtc { get; set; }
    /// <summary>Set once the reminders before the window closes were queued.</summary>
    public DateTime? RemindersQueuedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    /// <summary>The language whose text is authoritative (a code of <see cref="Languages.InterfaceLanguages"/>): the one
    /// signed and bound by every endorsement's hash. Other languages are <see cref="StatementTranslation"/>s of it. Set
    /// when the statement is created (the summit's default language), changed only before the first version.</summary>
    public string AuthoritativeLanguage { get; private set; } = Languages.InterfaceLanguages.Default;
    /// <summary>The version frozen by <see cref="Finalise"/>; null before.</summary>
    public int? FinalVersionId { get; private set; }
    public List<StatementVersion> Versions { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The statuses in which the final text is public. A list, not a comparison: the status is stored as
    /// text, so "&gt;= Final" in a query would compare words.</summary>
    public static IReadOnlyList<StatementStatus> PublicStatuses { get; } =
        [StatementStatus.Final, StatementStatus.OpenForSignature, StatementStatus.Closed, StatementStatus.Published];

    /// <summary>The text is final (and possibly open for signature, closed or published).</summary>
    public bool IsFinal => PublicStatuses.Contains(Status);

    /// <summary>Signing has begun: open for signature, closed or published.</summary>
    public bool HasOpenedForSignature => SigningHasOpened(Status);

    /// <summary>Whether a statement in <paramref name="status"/> has been open for signature (for rows read without the entity).</summary>
    public static bool SigningHasOpened(StatementStatus status) =>
        status is StatementStatus.OpenForSignature or StatementStatus.Closed or StatementStatus.Published;

    /// <summary>Only drafts and texts under consultation take new wording.</summary>
    public bool AcceptsNewVersions => Status is StatementStatus.Draft or StatementStatus.Consultation;

    public StatementVersion? Latest => Versions.OrderByDescending(v => v.Number).FirstOrDefault();

    /// <summary>A new version from text already parsed and valid; refuses once the text is final.</summary>
    public (StatementVersion? Version, DeskText? Refusal) AddVersion(StatementParseResult parsed, string? authorUserId, string authorName,
        string changeNote, DateTime nowUtc)
    {
        if (!AcceptsNewVersions) return (null, $"{DeskWords.StatementIs(Status)}: its text can no longer change.");
        if (parsed.Document is null) return (null, "The text has errors: correct them first.");
        if (Latest?.ContentHash == parsed.Hash) return (null, "The text is the same as the latest version: nothing to save.");
        var title = parsed.Document.Title.Trim();
        if (title.Length > TitleMaxLength) return (null, $"The title (the line starting with #) is longer than {TitleMaxLength} characters.");
        var version = new StatementVersion
        {
            Number = (Latest?.Number ?? 0) + 1,
            Text = parsed.Canonical,
            ContentHash = parsed.Hash,
            AuthorUserId = authorUserId,
            AuthorName = authorName,
            ChangeNote = changeNote.Trim(),
            CreatedUtc = nowUtc,
        };
        Versions.Add(version);
        Title = title;
        return (version, null);
    }

    /// <summary>Chooses the language the text is written in (the authoritative one), while the text may still change: a
    /// text typed in Arabic under English can be put right before it is final. Not a language it is already translated
    /// into (<paramref name="translatedInto"/>): that translation would then be of itself.</summary>
    public DeskText? SetAuthoritativeLanguage(string? code, IReadOnlyCollection<string>? translatedInto = null)
    {
        if (!Languages.InterfaceLanguages.IsSupported(code)) return "Choose one of the app's languages.";
        if (code == AuthoritativeLanguage) return null;
        if (!AcceptsNewVersions) return "The text is final: the language it is written in can no longer change.";
        if (translatedInto?.Contains(code!) == true)
            return $"The statement already has a translation into {Languages.InterfaceLanguages.Get(code).NativeName}: remove it first, or keep the language of the text.";
        AuthoritativeLanguage = code!;
        return null;
    }

    /// <summary>The authoritative version a translation is written against now (the final text once final, else the
    /// latest version), or why none may be added: no text yet, or the communiqué is published (what was published stays
    /// as it was). Translations of the frozen text may still be added while it is open for signature or closed.</summary>
    public (StatementVersion? Version, DeskText? Refusal) TranslatableVersion()
    {
        if (Status == StatementStatus.Published)
            return (null, "The statement is published: its communiqué was published in the languages it had, and no translation can be added now.");
        var version = FinalVersionId is { } id ? Versions.FirstOrDefault(v => v.Id == id) : Latest;
        return version is null ? (null, "Write the text before translating it.") : (version, null);
    }

    /// <summary>The steps this statement may take from where it is now.</summary>
    public IEnumerable<StatementStatus> NextStatuses() => Status switch
    {
        StatementStatus.Draft => [StatementStatus.Consultation, StatementStatus.Final],
        StatementStatus.Consultation => [StatementStatus.Draft, StatementStatus.Final],
        StatementStatus.Final when RecordedAfterwards => [StatementStatus.Closed],
        StatementStatus.Final => [StatementStatus.OpenForSignature],
        StatementStatus.OpenForSignature => [StatementStatus.Closed],
        StatementStatus.Closed => [StatementStatus.Published],
        _ => [],
    };

    /// <summary>Not standing, and no signing window (opening before closing) is set: it cannot open for signature yet.</summary>
    public bool LacksSigningWindow => !Standing && (SigningOpensUtc is null || SigningClosesUtc is null || SigningClosesUtc <= SigningOpensUtc);

    /// <summary>Moves the statement one step; returns why not when the step is not allowed. Becoming final freezes
    /// the latest version; consultation, like finalising, needs a text (delegates are e-mailed a link to read it).</summary>
    public DeskText? MoveTo(StatementStatus next)
    {
        if (!NextStatuses().Contains(next)) return $"{DeskWords.StatementIs(Status)}: it cannot move to “{(DeskText)Vocabulary.Words.Name(next)}”.";
        if (next == StatementStatus.Consultation && Latest is null) return "Write the text before opening it for consultation.";
        if (next == StatementStatus.Final)
        {
            if (Latest is not { } latest) return "Write the text before finalising it.";
            FinalVersionId = latest.Id;
        }
        if (next == StatementStatus.OpenForSignature && LacksSigningWindow)
            return "Set a signing window (opening before closing) before opening the statement for signature.";
        Status = next;
        return null;
    }

    /// <summary>Under consultation and before its closing time (if one is set) at <paramref name="nowUtc"/>: the one rule
    /// for taking comments and amendments.</summary>
    public bool TakesConsultationAt(DateTime nowUtc) =>
        Status == StatementStatus.Consultation && (ConsultationClosesUtc is null || nowUtc < ConsultationClosesUtc);

    /// <summary>Whether the statement's settings (title before any text, kind, signing window, embargo, "Agreed by"
    /// layout) may still change: until signing is closed; after that they are history.</summary>
    public bool SettingsEditable => Status is not (StatementStatus.Closed or StatementStatus.Published);

    /// <summary>Whether the title is still the working title typed at creation: only until the first version, whose
    /// <c>#</c> title then becomes the statement's title.</summary>
    public bool TitleEditable => Versions.Count == 0 && SettingsEditable;

    /// <summary>Chooses how the "Agreed by" list is printed; refuses once the settings are frozen.</summary>
    public DeskText? SetAgreedByLayout(Endorsements.AgreedByLayout layout)
    {
        if (!Enum.IsDefined(layout)) return "Choose how the \"Agreed by\" list is printed.";
        if (layout == AgreedByLayout) return null;
        if (!SettingsEditable) return $"{DeskWords.StatementIs(Status)}: its \"Agreed by\" layout can no longer change.";
        AgreedByLayout = layout;
        return null;
    }

    /// <summary>Turns late endorsements on (while the settings may change) or off (at any time: it ends them).</summary>
    public DeskText? SetLateEndorsements(bool on)
    {
        if (on == LateEndorsements) return null;
        if (on && !SettingsEditable) return $"{DeskWords.StatementIs(Status)}: it can no longer be opened for late endorsements.";
        if (on && RecordedAfterwards) return NotSignedHere;
        LateEndorsements = on;
        return null;
    }

    /// <summary>Makes the statement standing (while the settings may change) or not (at any time: it ends endorsements
    /// outside a window).</summary>
    public DeskText? SetStanding(bool on)
    {
        if (on == Standing) return null;
        if (on && !SettingsEditable) return $"{DeskWords.StatementIs(Status)}: it can no longer become a standing statement.";
        if (on && RecordedAfterwards) return NotSignedHere;
        Standing = on;
        return null;
    }

    private const string NotSignedHere = "This statement belongs to a summit recorded afterwards: its endorsements are recorded as printed, not signed here.";

    /// <summary>Standing, and open for signature at least once: takes an endorsement now, whatever the window.</summary>
    public bool AcceptsStandingEndorsements => Standing && HasOpenedForSignature;

    /// <summary>Links the earlier statement this one reaffirms (null: none), or says why not: not itself, a final text,
    /// not one that (through its own links) reaffirms this one, and only while the settings may change.</summary>
    public DeskText? SetReaffirms(Statement? earlier, IReadOnlyCollection<int> earlierChain)
    {
        if (earlier?.Id == ReaffirmsStatementId) return null;
        if (!SettingsEditable) return $"{DeskWords.StatementIs(Status)}: the statement it reaffirms can no longer change.";
        if (earlier is null)
        {
            ReaffirmsStatementId = null;
            return null;
        }
        if (earlier.Id == Id) return "A statement cannot reaffirm itself.";
        if (!earlier.IsFinal) return "Only a final statement can be reaffirmed.";
        if (earlierChain.Contains(Id)) return "That statement already reaffirms this one (directly or through others).";
        ReaffirmsStatementId = earlier.Id;
        return null;
    }

    /// <summary>Statements a reporting cycle may cover: published ones, and standing ones once open for signature
    /// (they never need to close).</summary>
    public static System.Linq.Expressions.Expression<Func<Statement, bool>> Reportable =>
        s => s.Status == StatementStatus.Published
            || (s.Standing && (s.Status == StatementStatus.OpenForSignature || s.Status == StatementStatus.Closed));

    /// <summary>Published, and still taking late endorsements: the one rule for signing after publication.</summary>
    public bool AcceptsLateEndorsements => Status == StatementStatus.Published && LateEndorsements;

    /// <summary>Takes endorsements at <paramref name="nowUtc"/> whatever the sector: inside the signing window, standing, or
    /// published and open for late endorsements. The one rule for withdrawing too: an organisation may leave a list
    /// while it may join it; once a statement takes no more endorsements its list is the record as agreed.</summary>
    public bool TakesEndorsementsAt(DateTime nowUtc) => AcceptsLateEndorsements || AcceptsStandingEndorsements || SigningWindowOpenAt(nowUtc);

    /// <summary>Open for signature (not standing) and its signing window not over at <paramref name="nowUtc"/>: closing it
    /// now ends signing before the date organisations were given, so the organiser confirms it first.</summary>
    public bool SigningWindowRunsAt(DateTime nowUtc) =>
        Status == StatementStatus.OpenForSignature && !Standing && SigningClosesUtc > nowUtc;

    /// <summary>Open for signature and <paramref name="nowUtc"/> inside the signing window [opens, closes): the one
    /// rule for signing (and withdrawing) in the window. A statement without a window is never inside one.</summary>
    public bool SigningWindowOpenAt(DateTime nowUtc) =>
        Status == StatementStatus.OpenForSignature && nowUtc >= SigningOpensUtc && nowUtc < SigningClosesUtc;

    /// <summary>Statements that take an endorsement signed at <paramref name="nowUtc"/>: open for signature inside the
    /// window (whose opening <see cref="RefuseEndorsement"/> checks first), or published and open for late
    /// endorsements. For the conditional update that re-checks it inside the signing transaction.</summary>
    public static System.Linq.Expressions.Expression<Func<Statement, bool>> TakesEndorsementAt(DateTime nowUtc) =>
        s => (s.Status == StatementStatus.OpenForSignature && s.SigningClosesUtc > nowUtc)
            || (s.Status == StatementStatus.Published && s.LateEndorsements)
            || (s.Standing && (s.Status == StatementStatus.OpenForSignature || s.Status == StatementStatus.Closed || s.Status == StatementStatus.Published));

    public IReadOnlyList<(string Field, DeskText Message)> Validate()
    {
        var errors = new List<(string, DeskText)>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add((nameof(Title), "The statement needs a title."));
        else if (Title.Length > TitleMaxLength) errors.Add((nameof(Title), $"The title is longer than {TitleMaxLength} characters."));
        if (!Enum.IsDefined(Kind)) errors.Add((nameof(Kind), "Choose the kind of statement."));
        if (SigningOpensUtc.HasValue != SigningClosesUtc.HasValue) errors.Add((nameof(SigningClosesUtc), "Give both ends of the signing window, or neither."));
        if (SigningOpensUtc >= SigningClosesUtc) errors.Add((nameof(SigningClosesUtc), "Signing must close after it opens."));
        return errors;
    }

    /// <summary>Why an organisation of <paramref name="sector"/> may not endorse now, or null when it may: the
    /// statement is open for signature, <paramref name="nowUtc"/> is inside [opens, closes) — or it is published and
    /// open for late endorsements (<see cref="AcceptsLateEndorsements"/>) —, and at least one section
    /// of the final text speaks to <c>all</c> or to the organisation's sector.</summary>
    public DeskText? RefuseEndorsement(Organisations.Sector sector, IEnumerable<StatementAudience> audiencesOfFinalText, DateTime nowUtc)
    {
        if (AcceptsLateEndorsements || AcceptsStandingEndorsements)
        {
            if (SpeaksTo(audiencesOfFinalText, sector)) return null;
            return "No section of this statement is addressed to your organisation's sector, so it cannot endorse it.";
        }
        if (Status != StatementStatus.OpenForSignature)
            return $"{DeskWords.StatementIs(Status)}, not open for signature.";
        if (SigningOpensUtc is not { } opens || SigningClosesUtc is null)
            return "The statement has no signing window.";
        if (!SigningWindowOpenAt(nowUtc))
            return nowUtc < opens ? "The signing window has not opened yet." : "The signing window has closed.";
        if (!SpeaksTo(audiencesOfFinalText, sector))
            return "No section of this statement is addressed to your organisation's sector, so it cannot endorse it.";
        return null;
    }

    /// <summary>Whether a text with these audiences (see <c>EndorsementDesk.AudiencesOf</c>) speaks to organisations of
    /// the sector: a section for everyone, or one for the sector's audience. The one place this is decided.</summary>
    public static bool SpeaksTo(IEnumerable<StatementAudience> audiencesOfFinalText, Organisations.Sector sector)
    {
        var audience = AudienceOf(sector);
        return audiencesOfFinalText.Any(a => a == StatementAudience.All || a == audience);
    }

    /// <summary>The audience token that speaks to organisations of a sector.</summary>
    public static StatementAudience AudienceOf(Organisations.Sector sector) => sector switch
    {
        Organisations.Sector.Government => StatementAudience.Government,
        Organisations.Sector.InternationalOrganisation => StatementAudience.InternationalOrganisation,
        Organisations.Sector.PrivateSector => StatementAudience.PrivateSector,
        Organisations.Sector.CivilSociety => StatementAudience.CivilSociety,
        _ => throw new ArgumentOutOfRangeException(nameof(sector)),
    };

    /// <summary>Stamps the close of signing: from open for signature to closed, at <paramref name="nowUtc"/>.</summary>
    public DeskText? CloseSigning(DateTime nowUtc)
    {
        if (MoveTo(StatementStatus.Closed) is { } refusal) return refusal;
        ClosedUtc = nowUtc;
        return null;
    }

    /// <summary>The status after "is" ("The statement is in consultation."): see <see cref="Vocabulary.Words"/>.</summary>
    public static string Describe(StatementStatus status) => Vocabulary.Words.InSentence(status);

    public static string Describe(StatementKind kind) => Vocabulary.Words.Name(kind);
}
