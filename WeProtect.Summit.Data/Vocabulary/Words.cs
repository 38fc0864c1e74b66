using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Breakouts;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Materials;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Reporting;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Vocabulary;

using WeProtect.Summit.Data.Summits; // after the namespace line: see DEVELOPERS.md, "namespace-vs-type quirk"

/// <summary>The one place for the words people read for the app's statuses, sectors, categories, kinds and roles:
/// pages, e-mails, PDFs and exports all take them from here. <see cref="Name{T}"/> is the label ("In consultation",
/// "Head of delegation"); <see cref="Plural(Sector)"/> and <see cref="Plural(DelegateCategory)"/> the headings of
/// groups; <see cref="InSentence"/> the words after "is" ("The statement is now in consultation."). A value missing
/// here fails <c>VocabularyTests</c>.</summary>
public static class Words
{
    /// <summary>The enums whose values people read. Every value of each must have a <see cref="Name{T}"/>.</summary>
    public static readonly IReadOnlyList<Type> UserFacing =
    [
        typeof(SummitStatus), typeof(RegistrationMode), typeof(RegistrationStatus), typeof(DelegateCategory), typeof(BadgeLayout),
        typeof(ProtocolRank), typeof(Sector), typeof(StatementStatus), typeof(StatementKind), typeof(StatementAudience),
        typeof(AmendmentStatus), typeof(AgreedByLayout), typeof(CommuniqueStatus), typeof(BookingStatus), typeof(MaterialType),
        typeof(MaterialVisibility), typeof(ProgressReportStatus), typeof(CommitmentStatus), typeof(ReportReview), typeof(ReportPublication),
        typeof(QuestionKind), typeof(QuestionForm), typeof(QuestionVisibility), typeof(Need), typeof(VisaLetterStatus),
    ];

    private static readonly Dictionary<Enum, string> Names = new()
    {
        [SummitStatus.Draft] = "Draft", [SummitStatus.Open] = "Open", [SummitStatus.Closed] = "Closed", [SummitStatus.Archived] = "Archived",
        [RegistrationMode.Open] = "Open to anyone with an account", [RegistrationMode.ByInvitation] = "By invitation",
        [RegistrationStatus.Pending] = "Pending", [RegistrationStatus.Approved] = "Approved", [RegistrationStatus.Waitlisted] = "On the waiting list",
        [RegistrationStatus.Rejected] = "Rejected", [RegistrationStatus.Cancelled] = "Cancelled",
        [DelegateCategory.HeadOfDelegation] = "Head of delegation", [DelegateCategory.Delegate] = "Delegate", [DelegateCategory.Observer] = "Observer",
        [DelegateCategory.Press] = "Press", [DelegateCategory.Facilitator] = "Facilitator", [DelegateCategory.Staff] = "Staff",
        [BadgeLayout.A6Single] = "A6, one per page", [BadgeLayout.A4Four] = "A4, 4 per sheet (A6)", [BadgeLayout.A4Eight] = "A4, 8 per sheet (A7)",
        [ProtocolRank.None] = "—", [ProtocolRank.HeadOfState] = "Head of State", [ProtocolRank.HeadOfGovernment] = "Head of Government",
        [ProtocolRank.Minister] = "Minister", [ProtocolRank.DeputyMinister] = "Deputy Minister", [ProtocolRank.Ambassador] = "Ambassador",
        [ProtocolRank.SeniorOfficial] = "Senior official", [ProtocolRank.Official] = "Official",
        [Sector.Government] = "Government", [Sector.InternationalOrganisation] = "International organisation",
        [Sector.PrivateSector] = "Private sector", [Sector.CivilSociety] = "Civil society",
        [StatementStatus.Draft] = "Draft", [StatementStatus.Consultation] = "In consultation", [StatementStatus.Final] = "Final",
        [StatementStatus.OpenForSignature] = "Open for signature", [StatementStatus.Closed] = "Closed", [StatementStatus.Published] = "Published",
        [StatementKind.StatementOfAction] = "Statement of Action", [StatementKind.CallToAction] = "Call to Action", [StatementKind.Communique] = "Communiqué",
        [StatementAudience.All] = "All members", [StatementAudience.Government] = "Governments",
        [StatementAudience.InternationalOrganisation] = "International organisations", [StatementAudience.PrivateSector] = "Private sector",
        [StatementAudience.CivilSociety] = "Civil society",
        [AmendmentStatus.Pending] = "Pending", [AmendmentStatus.Accepted] = "Accepted", [AmendmentStatus.Rejected] = "Rejected",
        [AgreedByLayout.BySector] = "Grouped by sector", [AgreedByLayout.Alphabetical] = "One alphabetical list",
        [CommuniqueStatus.Queued] = "Queued", [CommuniqueStatus.Generating] = "Generating", [CommuniqueStatus.Published] = "Published",
        [CommuniqueStatus.Failed] = "Failed",
        [BookingStatus.Confirmed] = "Confirmed", [BookingStatus.Waitlisted] = "On the waiting list", [BookingStatus.Cancelled] = "Cancelled",
        [MaterialType.Pdf] = "PDF", [MaterialType.Pptx] = "PowerPoint (.pptx)", [MaterialType.Docx] = "Word (.docx)",
        [MaterialVisibility.Public] = "Public", [MaterialVisibility.Delegates] = "Delegates only",
        [ProgressReportStatus.Draft] = "Draft", [ProgressReportStatus.Submitted] = "Submitted", [ProgressReportStatus.Superseded] = "Superseded",
        [CommitmentStatus.NotStarted] = "Not started", [CommitmentStatus.InProgress] = "In progress", [CommitmentStatus.Achieved] = "Achieved",
        [CommitmentStatus.NotApplicable] = "Not applicable",
        [ReportReview.Unread] = "Not yet read", [ReportReview.ClarificationAsked] = "Clarification asked", [ReportReview.Accepted] = "Accepted",
        [ReportPublication.FiguresAndNarratives] = "Publish figures and narratives", [ReportPublication.FiguresOnly] = "Publish figures only",
        [ReportPublication.Private] = "Keep this report private",
        [QuestionKind.ShortText] = "Short text", [QuestionKind.LongText] = "Long text", [QuestionKind.OneChoice] = "One choice",
        [QuestionKind.SeveralChoices] = "Several choices", [QuestionKind.YesNo] = "Yes or no", [QuestionKind.Date] = "Date",
        [QuestionKind.Country] = "Country", [QuestionForm.Registration] = "Registration form",
        [QuestionForm.Travel] = "Travel form (after approval)", [QuestionVisibility.Organisers] = "Organisers only",
        [QuestionVisibility.FocalPoint] = "Organisers and the delegation's focal point",
        [Need.WheelchairAccess] = "Wheelchair access", [Need.StepFreeAccess] = "Step-free access",
        [Need.SignLanguage] = "Sign-language interpretation", [Need.HearingLoop] = "Hearing loop",
        [Need.Captioning] = "Live captioning", [Need.LargePrint] = "Large print", [Need.Braille] = "Braille",
        [Need.AccessibleParking] = "Accessible parking", [Need.QuietRoom] = "Quiet room",
        [Need.PersonalAssistant] = "Personal assistant or companion", [Need.Vegetarian] = "Vegetarian", [Need.Vegan] = "Vegan",
        [Need.Halal] = "Halal", [Need.Kosher] = "Kosher", [Need.GlutenFree] = "Gluten-free",
        [Need.LactoseFree] = "Lactose-free", [Need.NutAllergy] = "Nut allergy", [Need.ShellfishAllergy] = "Shellfish allergy",
        [VisaLetterStatus.Requested] = "Requested", [VisaLetterStatus.Approved] = "Approved",
        [VisaLetterStatus.Generating] = "Being prepared", [VisaLetterStatus.Issued] = "Issued",
        [VisaLetterStatus.Refused] = "Refused", [VisaLetterStatus.Failed] = "Failed",
        [VisaLetterStatus.Withdrawn] = "Withdrawn",
    };

    /// <summary>Whether <paramref name="value"/> has its words here (the vocabulary test asks it of every user-facing value).</summary>
    public static bool Has(Enum value) => Names.ContainsKey(value);

    /// <summary>The label of a value, capitalised as a label or badge reads: "In consultation", "Head of delegation".</summary>
    public static string Name<T>(this T value) where T : struct, Enum => Names.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>A sector's heading over its members, in an "Agreed by" list or a table of figures.</summary>
    public static string Plural(this Sector sector) => sector switch
    {
        Sector.Government => "Governments",
        Sector.InternationalOrganisation => "International organisations",
        Sector.PrivateSector => "Private sector",
        Sector.CivilSociety => "Civil society",
        _ => sector.ToString(),
    };

    /// <summary>A category's heading over its delegates.</summary>
    public static string Plural(this DelegateCategory category) => category switch
    {
        DelegateCategory.HeadOfDelegation => "Heads of delegation",
        DelegateCategory.Delegate => "Delegates",
        DelegateCategory.Observer => "Observers",
        DelegateCategory.Press => "Press",
        DelegateCategory.Facilitator => "Facilitators",
        DelegateCategory.Staff => "Staff",
        _ => category.ToString(),
    };

    /// <summary>A statement's status after "is": "The statement is now in consultation.", "… is a draft".</summary>
    public static string InSentence(this StatementStatus status) => status switch
    {
        StatementStatus.Draft => "a draft",
        StatementStatus.Consultation => "in consultation",
        _ => status.Name().ToLowerInvariant(),
    };

    /// <summary>A summit's status after "is": "The summit is now open.", "… is a draft".</summary>
    public static string InSentence(this SummitStatus status) => status == SummitStatus.Draft ? "a draft" : status.Name().ToLowerInvariant();

    /// <summary>The user-facing name of a role ("Admin" → "Administrator").</summary>
    public static string RoleName(string role) => role switch
    {
        Accounts.Roles.Admin => "Administrator",
        Accounts.Roles.Organiser => "Organiser",
        _ => role,
    };

    /// <summary>The second step of a log-in (a code from an authenticator app), also asked before signing and submitting,
    /// as the profile page, its link and the translations call it. "Two-factor authentication" is not said anywhere
    /// people read it (<c>VocabularyTests</c> looks for it).</summary>
    public const string TwoStepVerification = "Two-step verification";

    /// <summary><see cref="TwoStepVerification"/> inside a sentence: "Turn on two-step verification before signing."</summary>
    public const string TwoStepVerificationInSentence = "two-step verification";

    /// <summary>Where it is turned on, as the menus read.</summary>
    public const string TwoStepVerificationPlace = "Profile → " + TwoStepVerification;

    /// <summary>The roles people are given, in the order pages list them.</summary>
    public static readonly IReadOnlyList<string> Roles = [Accounts.Roles.Organiser, Accounts.Roles.Admin];
}
