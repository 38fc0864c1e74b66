using WeProtect.Summit.Data.Desks;
using System.Buffers.Text;
using System.Security.Cryptography;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Data.Validation;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>A person's registration for one summit, vetted by the secretariat. Status changes that touch the
/// summit's capacity or a delegation quota go through <see cref="RegistrationDesk"/>, which makes them atomic in
/// the database; the rules about what may change when live here.</summary>
public class Registration
{
    public const int TextMaxLength = 200;
    public const int AccessNeedsMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }
    public int SummitId { get; set; }
    public Summits.Summit Summit { get; set; } = null!;
    public string UserId { get; set; } = "";
    public SummitUser User { get; set; } = null!;

    /// <summary>The organisation from the directory; null while a proposed organisation awaits the organisers.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string? ProposedOrganisationName { get; set; }
    public Sector? ProposedSector { get; set; }
    public string? ProposedCountryCode { get; set; }

    /// <summary>Name and position as the delegate gave them for this summit (printed on the badge).</summary>
    public string FullName { get; set; } = "";
    public string Position { get; set; } = "";
    public DelegateCategory Category { get; set; }
    /// <summary>Ministerial rank (heads of state and government, ministers): follows <see cref="Rank"/>, set only
    /// through <see cref="SetProtocol"/> by the focal point or the organisers, never self-declared.</summary>
    public bool IsMinister { get; private set; }
    public string? Title { get; private set; }
    public string? Honorific { get; private set; }
    public ProtocolRank Rank { get; private set; }
    public int? ProtocolOrder { get; private set; }
    /// <summary>The nomination this registration completes (registration by invitation); null when self-registered.</summary>
    public int? NominationId { get; private set; }
    /// <summary>The needs note: anything the ticked <see cref="Needs"/> do not say (before structured needs, the
    /// whole free-text answer, kept as the note).</summary>
    public string? AccessNeeds { get; set; }
    /// <summary>Ticked access and dietary needs, changed through <see cref="SetNeeds"/>.</summary>
    public List<RegistrationNeed> Needs { get; private set; } = [];
    /// <summary>Answers to the summit's questions, changed through <see cref="Answer"/>.</summary>
    public List<RegistrationAnswer> Answers { get; private set; } = [];
    /// <summary>Consent to appear (name, position, organisation) in the public participant list.</summary>
    public bool ConsentToPublicList { get; set; }

    /// <summary>Pending when new; changed only by <see cref="RegistrationDesk"/> (conditional updates that also count places).</summary>
    public RegistrationStatus Status { get; private set; } = RegistrationStatus.Pending;
    /// <summary>The organiser's reason for a rejection (shown to the delegate).</summary>
    public string? DecisionReason { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedByUserId { get; set; }
    /// <summary>When the registration joined the waiting list: the first waitlisted is promoted first.</summary>
    public DateTime? WaitlistedUtc { get; set; }
    /// <summary>Waitlisted because the summit or the delegation's quota was full at the time: only such registrations
    /// are promoted when a place frees. One the organisers waitlisted while places were free waits for their decision.</summary>
    public bool WaitingForPlace { get; private set; }
    public DateTime? CancelledUtc { get; set; }

    /// <summary>A <see cref="BadgeCodes"/> code (stored upper case, no dashes): printed as the badge's QR code and
    /// under it, typed or scanned at check-in.</summary>
    public string BadgeCode { get; set; } = BadgeCodes.New();
    public DateTime? CheckedInUtc { get; set; }
    /// <summary>When the secretariat last corrected what the badge prints (name, position): a badge printed before then
    /// shows the old text and is to be printed again.</summary>
    public DateTime? BadgeTextCorrectedUtc { get; private set; }

    /// <summary>The secret in the address of the delegate's personal calendar feed (no log-in for calendar apps);
    /// regenerating it cuts off every subscription made with the old one.</summary>
    public string CalendarToken { get; set; } = NewCalendarToken();

    public DateTime CreatedUtc { get; set; }
    /// <summary>Optimistic concurrency: a stale edit or decision is refused instead of overwriting.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>128 random bits, base64url: a secret in an address, never typed.</summary>
    public static string NewCalendarToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The delegate may change their answers only while nobody has decided on them.</summary>
    public bool CanBeEditedByDelegate => Status == RegistrationStatus.Pending;

    public bool CanBeCancelled => Status != RegistrationStatus.Cancelled;

    /// <summary>A cancelled registration is made again (one row per person per summit): the new answers, a pending
    /// status, and a new badge code and calendar link, so that nothing of the cancelled one still opens a door.</summary>
    public DeskText? RegisterAgain(Registration answers, DateTime nowUtc)
    {
        if (Status != RegistrationStatus.Cancelled) return "You have already registered for this summit.";
        (OrganisationId, ProposedOrganisationName, ProposedSector, ProposedCountryCode) =
            (answers.OrganisationId, answers.ProposedOrganisationName, answers.ProposedSector, answers.ProposedCountryCode);
        (FullName, Position, Category, AccessNeeds, ConsentToPublicList) =
            (answers.FullName, answers.Position, answers.Category, answers.AccessNeeds, answers.ConsentToPublicList);
        if (answers.NominationId is not null) NominationId = answers.NominationId;
        SetNeeds(answers.Needs.Select(n => n.Need));
        Answers.RemoveAll(a => answers.Answers.All(b => b.QuestionId != a.QuestionId));
        foreach (var answer in answers.Answers)
        {
            if (Answers.Find(a => a.QuestionId == answer.QuestionId) is { } mine) mine.Change(answer.Value, nowUtc);
            else Answers.Add(RegistrationAnswer.Copy(answer));
        }
        SetProtocol(answers.Protocol);
        Status = RegistrationStatus.Pending;
        (DecisionReason, DecidedUtc, DecidedByUserId, WaitlistedUtc, WaitingForPlace, CancelledUtc, CheckedInUtc) =
            (null, null, null, null, false, null, null);
        BadgeCode = BadgeCodes.New();
        CalendarToken = NewCalendarToken();
        CreatedUtc = nowUtc;
        Version = Guid.NewGuid();
        return null;
    }

    /// <summary>Ticks exactly <paramref name="needs"/> (each once); rows of needs still ticked stay as they are.</summary>
    public void SetNeeds(IEnumerable<Need> needs)
    {
        var wanted = needs.Distinct().ToList();
        Needs.RemoveAll(n => !wanted.Contains(n.Need));
        foreach (var need in wanted.Where(w => Needs.All(n => n.Need != w))) Needs.Add(RegistrationNeed.Of(need));
    }

    /// <summary>Whether the delegate's personal data has been erased (the retention run, or their own request).</summary>
    public bool IsErased => Retention.PersonalDataCatalogue.IsErasedDelegate(Id, FullName);

    /// <summary>Why the secretariat cannot correct the registration, or null: nothing is corrected on a cancelled one,
    /// and nothing is left to correct on an erased one (a name typed in would put personal data back).</summary>
    public DeskText? WhyNotCorrectable =>
        IsErased ? (DeskText)"This delegate's personal data has been erased: there is nothing to correct."
        : Status == RegistrationStatus.Cancelled ? (DeskText)"This registration is cancelled: there is nothing to correct."
        : null;

    /// <summary>The secretariat's correction (a misspelt name, a new position, needs given by telephone), at any status
    /// but cancelled: the delegate's own edits stop at the decision, the secretariat's do not. Nothing changes when a
    /// rule is broken; the problems are said in the organisers' words.</summary>
    public IReadOnlyList<(string Field, DeskText Message)> Correct(RegistrationCorrection correction, DateTime nowUtc)
    {
        var (fullName, position, note) = (correction.FullName?.Trim() ?? "", correction.Position?.Trim() ?? "", correction.NeedsNote?.Trim().ReplaceLineEndings("\n"));
        var errors = new List<(string, DeskText)>();
        if (fullName.Length == 0) errors.Add((nameof(FullName), "The full name is required."));
        else if (NameRule.Problem(fullName, "The full name", TextMaxLength) is { } nameProblem) errors.Add((nameof(FullName), nameProblem));
        if (position.Length == 0) errors.Add((nameof(Position), "The position is required."));
        else if (NameRule.Problem(position, "The position", TextMaxLength) is { } positionProblem) errors.Add((nameof(Position), positionProblem));
        if (note?.Length > AccessNeedsMaxLength) errors.Add((nameof(AccessNeeds), $"The note about the needs is longer than {AccessNeedsMaxLength} characters."));
        if (errors.Count > 0) return errors;
        if (fullName != FullName || position != Position) BadgeTextCorrectedUtc = nowUtc;
        (FullName, Position, AccessNeeds) = (fullName, position, string.IsNullOrEmpty(note) ? null : note);
        SetNeeds(correction.Needs);
        return errors;
    }

    /// <summary>Whether the badge last printed at <paramref name="lastPrintedUtc"/> shows a name or position corrected since.</summary>
    public bool BadgeOutdatedSince(DateTime? lastPrintedUtc) => lastPrintedUtc is { } printed && BadgeTextCorrectedUtc > printed;

    /// <summary>The form field of a question's answer: errors are keyed by it, beside the field.</summary>
    public static string AnswerField(int questionId) => $"answer-{questionId}";

    /// <summary>Answers <paramref name="question"/> with the posted values (none: no answer), or says why they are not
    /// an answer (<see cref="AnswerRules"/>); nothing changes then.</summary>
    public DeskText? Answer(RegistrationQuestion question, IReadOnlyList<string> values, DateTime nowUtc)
    {
        var (value, error) = AnswerRules.Check(question, values);
        if (error is not null) return error;
        var existing = Answers.Find(a => a.QuestionId == question.Id);
        if (value is null) { if (existing is not null) Answers.Remove(existing); }
        else if (existing is not null) existing.Change(value, nowUtc);
        else Answers.Add(RegistrationAnswer.For(question, value, nowUtc));
        return null;
    }

    /// <summary>Answers every question asked; the broken ones keyed by <see cref="AnswerField"/>. A question not posted
    /// counts as not answered.</summary>
    public IReadOnlyList<(string Field, DeskText Message)> AnswerAll(IEnumerable<RegistrationQuestion> questions,
        IReadOnlyDictionary<int, IReadOnlyList<string>> posted, DateTime nowUtc)
    {
        var errors = new List<(string, DeskText)>();
        foreach (var question in questions)
            if (Answer(question, posted.GetValueOrDefault(question.Id) ?? [], nowUtc) is { } error) errors.Add((AnswerField(question.Id), error));
        return errors;
    }

    public ProtocolDetails Protocol => new(Title, Honorific, Rank, ProtocolOrder);

    /// <summary>Title, honorific, rank and order, as the focal point or the organisers set them (validated by the caller
    /// through <see cref="ProtocolDetails.Validate"/>). The minister flag follows the rank.</summary>
    public void SetProtocol(ProtocolDetails protocol)
    {
        (Title, Honorific, Rank, ProtocolOrder) = (protocol.Title, protocol.Honorific, protocol.Rank, protocol.Order);
        IsMinister = protocol.IsMinisterial;
    }

    /// <summary>Ties a new registration to the nomination it completes: the organisation and the place (head of
    /// delegation or delegate) are the focal point's, as is the protocol.</summary>
    public void CompleteNomination(Nomination nomination)
    {
        NominationId = nomination.Id;
        OrganisationId = nomination.OrganisationId;
        (ProposedOrganisationName, ProposedSector, ProposedCountryCode) = (null, null, null);
        Category = nomination.Category;
        SetProtocol(nomination.Protocol);
    }

    /// <summary>The organisers' decision table: whether a registration in <paramref name="from"/> may be approved,
    /// waitlisted or rejected. Any other target is not a decision.</summary>
    public static bool CanBecome(RegistrationStatus from, RegistrationStatus decision) => decision switch
    {
        RegistrationStatus.Approved => from is RegistrationStatus.Pending or RegistrationStatus.Waitlisted,
        RegistrationStatus.Waitlisted => from is RegistrationStatus.Pending,
        RegistrationStatus.Rejected => from is RegistrationStatus.Pending or RegistrationStatus.Waitlisted or RegistrationStatus.Approved,
        _ => false,
    };

    /// <summary>Whether this registration may be approved, waitlisted or rejected now.</summary>
    public bool CanBecome(RegistrationStatus decision) => CanBecome(Status, decision);

    /// <summary>The decision as a past participle: "approved", "waitlisted", "rejected".</summary>
    public static string Verb(RegistrationStatus decision) => decision switch
    {
        RegistrationStatus.Approved => "approved",
        RegistrationStatus.Waitlisted => "waitlisted",
        RegistrationStatus.Rejected => "rejected",
        _ => decision.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether the badge and calendar belong to this registration now.</summary>
    public bool HasBadge => Status == RegistrationStatus.Approved;

    /// <summary>Counts against the organisation's delegation quota (one head of delegation plus N delegates).</summary>
    public bool CountsAgainstQuota => Category is DelegateCategory.HeadOfDelegation or DelegateCategory.Delegate;

    public string OrganisationName => Organisation?.FormalName ?? ProposedOrganisationName ?? "";

    /// <summary>Every reason the delegate's answers are not acceptable, keyed by field name; empty when valid.</summary>
    public IReadOnlyList<(string Field, DeskText Message)> Validate()
    {
        var errors = new List<(string, DeskText)>();
        void Check(bool bad, string field, DeskText message) { if (bad) errors.Add((field, message)); }
        Check(string.IsNullOrWhiteSpace(FullName), nameof(FullName), "Your full name is required.");
        if (NameRule.Problem(FullName, "Your full name", TextMaxLength) is { } fullName) errors.Add((nameof(FullName), fullName));
        Check(string.IsNullOrWhiteSpace(Position), nameof(Position), "Your position is required.");
        if (NameRule.Problem(Position, "Your position", TextMaxLength) is { } position) errors.Add((nameof(Position), position));
        Check(!Enum.IsDefined(Category), nameof(Category), "Choose a category.");
        Check(AccessNeeds?.Length > AccessNeedsMaxLength, nameof(AccessNeeds), $"The note about your needs is longer than {AccessNeedsMaxLength} characters.");
        if (OrganisationId is null)
        {
            Check(string.IsNullOrWhiteSpace(ProposedOrganisationName), nameof(OrganisationId),
                "Choose your organisation, or give its name, sector and country.");
            // Nothing chosen and nothing proposed is one mistake, said once, not also as a missing sector.
            if (string.IsNullOrWhiteSpace(ProposedOrganisationName)) return errors;
            if (NameRule.Problem(ProposedOrganisationName, "The organisation's name", Organisation.NameMaxLength) is { } organisation)
                errors.Add((nameof(ProposedOrganisationName), organisation));
            Check(ProposedSector is null || !Enum.IsDefined(ProposedSector.Value), nameof(ProposedSector), "Choose the organisation's sector.");
            Check(ProposedCountryCode is not null && !Countries.IsKnown(ProposedCountryCode), nameof(ProposedCountryCode), "Choose a country from the list.");
            Check(ProposedSector == Sector.Government && ProposedCountryCode is null, nameof(ProposedCountryCode), "A government needs its country.");
            Check(ProposedSector == Sector.InternationalOrganisation && ProposedCountryCode is not null, nameof(ProposedCountryCode), "An international organisation has no country.");
        }
        return errors;
    }
}
