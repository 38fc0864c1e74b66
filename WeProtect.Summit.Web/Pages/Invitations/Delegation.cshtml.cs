using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Accreditations;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Invitations;
using WeProtect.Summit.Data.Questions;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Web.Pages.Invitations;

using WeProtect.Summit.Data.Summits;

/// <summary>The focal point's page (organisers may open it too): the delegation's nominees and where each stands, a
/// form to nominate one more (within the quota), and each nominee's protocol details (title, honorific, rank,
/// order), which the delegate sees and cannot change; each member's letter of invitation for a visa, which the focal
/// point may ask for on their behalf (<see cref="VisaLetterDesk.RequestForMemberAsync"/>). Everyone else is answered 403
/// (the desks decide).</summary>
public class DelegationModel(SummitDbContext db, InvitationDesk desk, VisaLetterDesk letters, UserManager<SummitUser> users) : PageModel
{
    public Invitation Invitation { get; private set; } = null!;
    public Summit Summit { get; private set; } = null!;
    public DelegationQuota? Quota { get; private set; }
    public IReadOnlyList<(Nomination Nomination, RegistrationStatus? Status)> Nominees { get; private set; } = [];

    /// <summary>Each nominee's answers to the questions the organisers share with the focal point, by registration id.</summary>
    public IReadOnlyDictionary<int, WeProtect.Summit.Web.Pages.Registration.AnswerList> SharedAnswers { get; private set; } = new Dictionary<int, WeProtect.Summit.Web.Pages.Registration.AnswerList>();
    /// <summary>The names of the nominees who registered, by registration id: their form of address on the page.</summary>
    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();

    /// <summary>Each registered member's letter of invitation (null: none asked for) and why none can be asked for now
    /// (null: it can), by registration id.</summary>
    public IReadOnlyDictionary<int, (VisaLetter? Letter, string? WhyNot)> VisaLetters { get; private set; } = new Dictionary<int, (VisaLetter?, string?)>();

    /// <summary>Only the focal point asks for letters (organisers decide them on their own page).</summary>
    public bool IsFocalPoint { get; private set; }

    [BindProperty] public NominateInput Input { get; set; } = new();

    public sealed class NominateInput
    {
        [Display(Name = "E-mail")] public string? Email { get; set; }
        [Display(Name = "Place")] public DelegateCategory? Category { get; set; }
        [Display(Name = "Title")] public string? Title { get; set; }
        [Display(Name = "Honorific")] public string? Honorific { get; set; }
        [Display(Name = "Rank")] public ProtocolRank? Rank { get; set; }
        [Display(Name = "Protocol order")] public int? Order { get; set; }

        public ProtocolDetails Protocol => new(Title, Honorific, Rank ?? ProtocolRank.None, Order);
    }

    private bool Organiser => User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Admin);

    /// <summary>Whether the reader is an organiser: they correct any nominee's address on their own page.</summary>
    public bool IsOrganiser => Organiser;

    /// <summary>Whether the focal point may correct their nominees' addresses now (<see cref="DelegateAddressDesk.WhyFocalPointMayNotReaddress"/>).</summary>
    public bool FocalPointMayReaddress { get; private set; }

    public async Task<IActionResult> OnGetAsync(int invitationId, CancellationToken ct) =>
        await LoadAsync(invitationId, ct) ?? Page();

    public async Task<IActionResult> OnPostNominateAsync(int invitationId, CancellationToken ct)
    {
        if (await LoadAsync(invitationId, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var result = await desk.NominateAsync(invitationId, Input.Email ?? "", Input.Category ?? (DelegateCategory)(-1), Input.Protocol,
            users.GetUserId(User)!, Organiser, User.ToAuditActor(), ct);
        return await this.AnswerAsync(result, () => RedirectToPage(new { invitationId }), async () => await LoadAsync(invitationId, ct) ?? Page());
    }

    /// <summary>The nomination whose withdrawal awaits confirmation: the row's button only asks (the nominee is told by
    /// e-mail, and a completed registration is cancelled), the confirmation form withdraws.</summary>
    public Nomination? ConfirmingWithdrawal { get; private set; }

    public async Task<IActionResult> OnPostWithdrawAsync(int invitationId, int nominationId, bool confirmed, CancellationToken ct)
    {
        if (await LoadAsync(invitationId, ct) is { } denied) return denied;
        if (Nominees.All(n => n.Nomination.Id != nominationId)) return NotFound();
        if (!confirmed)
        {
            ConfirmingWithdrawal = Nominees.First(n => n.Nomination.Id == nominationId).Nomination;
            return Page();
        }
        var result = await desk.WithdrawNominationAsync(nominationId, users.GetUserId(User)!, Organiser, User.ToAuditActor(), ct);
        return this.Answer(WithAddress(result, nominationId, "The nomination of {0} is withdrawn: its place is free again, and they were told by e-mail."),
            () => RedirectToPage(new { invitationId }));
    }

    public async Task<IActionResult> OnPostResendAsync(int invitationId, int nominationId, CancellationToken ct)
    {
        if (await LoadAsync(invitationId, ct) is { } denied) return denied;
        if (Nominees.All(n => n.Nomination.Id != nominationId)) return NotFound();
        var result = await desk.ResendNominationAsync(nominationId, users.GetUserId(User)!, Organiser, User.ToAuditActor(), ct);
        return this.Answer(WithAddress(result, nominationId, "The nomination e-mail was sent again to {0}."), () => RedirectToPage(new { invitationId }));
    }

    /// <summary>What the user typed into a nominee's protocol row that was refused, shown again in that row (never in the
    /// "Nominate" form); the order as typed, even when it is not a number.</summary>
    public sealed record TypedProtocol(int NominationId, string? Title, string? Honorific, string? Rank, string? Order, Guid? Version);

    public TypedProtocol? ProtocolTyped { get; private set; }
    /// <summary>The nomination as saved now, when someone else changed its protocol details while this user was editing them.</summary>
    public Nomination? ProtocolTheirs { get; private set; }

    /// <summary>The form keys of a protocol row's fields (the desk's field names, lower case): apart from the "Nominate" form's.</summary>
    public static string ProtocolKey(string field) => field.ToLowerInvariant();

    public async Task<IActionResult> OnPostProtocolAsync(int invitationId, int nominationId, Guid? version, string? title, string? honorific,
        ProtocolRank? rank, int? order, CancellationToken ct)
    {
        if (await LoadAsync(invitationId, ct) is { } denied) return denied;
        if (Nominees.All(n => n.Nomination.Id != nominationId)) return NotFound();
        ProtocolTyped = new(nominationId, title, honorific, Request.Form["rank"].ToString(), Request.Form["order"].ToString(), version);
        // The "Nominate" form's Input is bound on every post, and with no "Input." field it falls back to the row's
        // title, rank and order: it stays empty, the row's values are shown in the row.
        Input = new();
        if (!ModelState.IsValid) return Page();
        var result = await desk.SetNominationProtocolAsync(nominationId, version, new ProtocolDetails(title, honorific, rank ?? ProtocolRank.None, order),
            users.GetUserId(User)!, Organiser, User.ToAuditActor(), ct);
        if (result.Answer == DeskAnswer.Conflict) ProtocolTheirs = result.Value;
        return await this.AnswerAsync(result, () => RedirectToPage(new { invitationId }), ReshowProtocolAsync, ProtocolKey);

        async Task<IActionResult> ReshowProtocolAsync()
        {
            if (await LoadAsync(invitationId, ct) is { } gone) return gone;
            if (ProtocolTheirs is not null)
                ModelState.AddModelError(string.Empty, Localization.Translations.OrKey(HttpContext,
                    "Their version is shown below and your input is kept in the form: check both, then save again if yours should replace theirs."));
            return Page();
        }
    }

    /// <summary>The version a protocol row carries: the one typed against, unless their version is shown beside it (then
    /// the next save is measured against theirs).</summary>
    public Guid VersionOf(Nomination nomination) =>
        ProtocolTyped is { } typed && typed.NominationId == nomination.Id && ProtocolTheirs is null ? typed.Version ?? nomination.Version : nomination.Version;

    public async Task<IActionResult> OnPostVisaLetterAsync(int invitationId, int nominationId, CancellationToken ct)
    {
        if (await LoadAsync(invitationId, ct) is { } denied) return denied;
        var result = await letters.RequestForMemberAsync(invitationId, nominationId, users.GetUserId(User)!, User.ToAuditActor(), ct);
        if (result.Refusal == Data.Desks.DeskRefusal.Forbidden) return Forbid();
        return this.Answer(result, () => RedirectToPage(new { invitationId }));
    }

    /// <summary>The desk's success, which names the nominee's masked address, worded in the page's language.</summary>
    private DeskResult WithAddress(DeskResult result, int nominationId, string format) =>
        result.Succeeded && Nominees.FirstOrDefault(n => n.Nomination.Id == nominationId).Nomination is { } nomination
            ? result with { Text = Localization.Translations.OrKey(HttpContext, format, EmailAddresses.Mask(nomination.Email)) }
            : result;

    /// <summary>Null when the user may see the delegation (then loaded), else the answer (404 or 403).</summary>
    private async Task<IActionResult?> LoadAsync(int invitationId, CancellationToken ct)
    {
        var access = await desk.DelegationAsync(invitationId, users.GetUserId(User), Organiser, ct);
        if (access.Answer == Data.Desks.DeskAnswer.NotFound) return NotFound();
        if (!access.Succeeded) return Forbid();
        Invitation = access.Value!;
        Summit = await db.Summits.AsNoTracking().FirstAsync(s => s.Id == Invitation.SummitId, ct);
        Quota = await db.DelegationQuotas.AsNoTracking().FirstOrDefaultAsync(q => q.SummitId == Invitation.SummitId && q.OrganisationId == Invitation.OrganisationId, ct);
        var nominations = await db.Nominations.AsNoTracking().Where(n => n.InvitationId == invitationId && n.WithdrawnUtc == null).OrderBy(n => n.ProtocolOrder ?? int.MaxValue).ThenBy(n => n.Id).ToListAsync(ct);
        var ids = nominations.Select(n => n.RegistrationId).OfType<int>().ToList();
        var statuses = await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status, ct);
        // Only questions shared with the focal point; the organisers-only answers never reach this page.
        var shared = (await QuestionDesk.AllAsync(db, Invitation.SummitId, ct)).Where(q => q.Visibility == QuestionVisibility.FocalPoint).ToList();
        var sharedIds = shared.Select(q => q.Id).ToList();
        SharedAnswers = (await db.RegistrationAnswers.AsNoTracking().Where(a => ids.Contains(a.RegistrationId) && sharedIds.Contains(a.QuestionId)).ToListAsync(ct))
            .GroupBy(a => a.RegistrationId).ToDictionary(g => g.Key, g => WeProtect.Summit.Web.Pages.Registration.AnswerList.From(shared, g));
        var registrations = await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var accreditations = await db.Accreditations.AsNoTracking().Where(a => ids.Contains(a.RegistrationId)).ToDictionaryAsync(a => a.RegistrationId, ct);
        var visaLetters = await db.VisaLetters.AsNoTracking().Where(v => ids.Contains(v.RegistrationId)).ToDictionaryAsync(v => v.RegistrationId, ct);
        VisaLetters = registrations.ToDictionary(r => r.Id,
            r => (visaLetters.GetValueOrDefault(r.Id), VisaLetterDesk.WhyMemberNotEligibleText(r, accreditations.GetValueOrDefault(r.Id)) is { } why
                ? Localization.Translations.Of(HttpContext, why) : null));
        Names = registrations.ToDictionary(r => r.Id, r => r.FullName);
        IsFocalPoint = Invitation.IsFocalPoint(users.GetUserId(User));
        FocalPointMayReaddress = DelegateAddressDesk.WhyFocalPointMayNotReaddress(Invitation, users.GetUserId(User), Summit.Status) is null;
        Nominees = nominations.Select(n => (n, n.RegistrationId is int id ? statuses.GetValueOrDefault(id) : (RegistrationStatus?)null)).ToList();
        return null;
    }
}
