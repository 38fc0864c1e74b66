using System.ComponentModel.DataAnnotations;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Accounts;
using WeProtect.Summit.Web.Signing;

namespace WeProtect.Summit.Web.Pages.Signing;

/// <summary>One statement, signed for one organisation: the final text, its version and hash, the window, the
/// organisation's endorsement and withdrawals; the sign form (hash confirmed, fresh authenticator code, printed
/// name and position) and the withdraw form (reason, and a fresh authenticator code too). Only a signatory of the organisation (live authority, two-factor
/// authentication on) may open it or post to it: anyone else gets 403.</summary>
public class SignModel(SummitDbContext db, EndorsementDesk desk, AuthenticatorStepUp stepUp, UserManager<SummitUser> users, TimeProvider clock) : PageModel
{
    public sealed class SignInput
    {
        [Required, StringLength(64)]
        public string ConfirmedHash { get; set; } = "";
        [Required(ErrorMessage = "Enter the code from your authenticator app."), StringLength(10), Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = "";
        [Required(ErrorMessage = "Give your name as it should be printed."), StringLength(Endorsement.PrintedMaxLength), Display(Name = "Your name, as printed")]
        public string PrintedName { get; set; } = "";
        [Required(ErrorMessage = "Give your position as it should be printed."), StringLength(Endorsement.PrintedMaxLength), Display(Name = "Your position, as printed")]
        public string PrintedPosition { get; set; } = "";
        [StringLength(Endorsement.DeclarationMaxLength), Display(Name = "Declaration or reservation (optional)")]
        public string? Declaration { get; set; }
        /// <summary>The language version shown above the form, recorded with the endorsement.</summary>
        [StringLength(Data.Languages.InterfaceLanguages.CodeMaxLength)]
        public string? ShownLanguage { get; set; }
        [StringLength(64)]
        public string? ShownHash { get; set; }
    }

    public sealed class WithdrawInput
    {
        [Required(ErrorMessage = "Give a reason for withdrawing the endorsement."), StringLength(Endorsement.ReasonMaxLength), Display(Name = "Reason")]
        public string Reason { get; set; } = "";
        [Required(ErrorMessage = "Enter the code from your authenticator app."), StringLength(10), Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = "";
    }

    [BindProperty] public SignInput Input { get; set; } = new();
    [BindProperty] public WithdrawInput Withdrawal { get; set; } = new();

    public Statement Statement { get; private set; } = null!;
    public Organisation Organisation { get; private set; } = null!;
    public StatementVersion? Final { get; private set; }
    public StatementDocument? Document { get; private set; }
    /// <summary>The final text's language versions and the one shown (<c>?lang=</c> on a GET, the posted one after a post).</summary>
    public Web.Statements.StatementLanguages? Languages { get; private set; }
    /// <summary>The language versions the live endorsement's signatory was shown.</summary>
    public IReadOnlyList<EndorsementShownText> LiveShown { get; private set; } = [];
    public string? Refusal { get; private set; }
    public Endorsement? Live { get; private set; }
    public IReadOnlyList<Endorsement> Withdrawn { get; private set; } = [];
    /// <summary>The statement takes endorsements now, so a live one may be withdrawn (<see cref="Statement.TakesEndorsementsAt"/>).</summary>
    public bool Withdrawable { get; private set; }
    /// <summary>A withdrawal was refused: its form is shown open, with the reason kept.</summary>
    public bool WithdrawalRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync(int statementId, int organisationId, CancellationToken ct)
    {
        if (await GuardAsync(statementId, organisationId, ct) is { } stop) return stop;
        var user = await users.GetUserAsync(User);
        Input = new SignInput
        {
            ConfirmedHash = Final?.ContentHash ?? "", PrintedName = user?.FullName ?? "", PrintedPosition = await PositionAsync(user, ct),
            ShownLanguage = Languages?.Shown.Language, ShownHash = Languages?.Shown.Hash,
        };
        return Page();
    }

    /// <summary>The position to offer: the profile's, else the one the signatory gave registering for this statement's
    /// summit (an approved registration first), else nothing. Offered only: the signatory types what is printed.</summary>
    private async Task<string> PositionAsync(SummitUser? user, CancellationToken ct)
    {
        if (user is null) return "";
        if (!string.IsNullOrWhiteSpace(user.Position)) return user.Position.Trim();
        var registered = await db.Registrations.AsNoTracking()
            .Where(r => r.SummitId == Statement.SummitId && r.UserId == user.Id && r.Position != "")
            .OrderByDescending(r => r.Status == Data.Registrations.RegistrationStatus.Approved).ThenByDescending(r => r.Id)
            .Select(r => r.Position).FirstOrDefaultAsync(ct);
        return registered?.Trim() ?? "";
    }

    public async Task<IActionResult> OnPostSignAsync(int statementId, int organisationId, CancellationToken ct)
    {
        if (await GuardAsync(statementId, organisationId, ct) is { } stop) return stop;
        ModelState.Clear();
        if (!TryValidateModel(Input, nameof(Input))) return Page();
        var userId = users.GetUserId(User)!;
        var result = await desk.SignAsync(
            new EndorsementDesk.Signature(statementId, organisationId, Input.ConfirmedHash, Input.PrintedName, Input.PrintedPosition, Input.Declaration,
                Input.ShownLanguage, Input.ShownHash),
            userId, User.ToAuditActor(), c => stepUp.VerifyAsync(userId, Input.Code, StepUpAct.Signing, c), ct);
        Response.Headers.CacheControl = "no-cache, no-store";
        if (result.Refusal == DeskRefusal.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        if (result.Refusal is DeskRefusal.AlreadyEndorsed or DeskRefusal.TextChanged) Response.StatusCode = StatusCodes.Status409Conflict;
        Input.Code = "";
        return await this.AnswerAsync(result, () =>
        {
            // The desk's message has the names in it: the page says it again from its format, in the signatory's language.
            this.ShowStatus(Localization.Translations.OrKey(HttpContext, "Signed: {0} endorses \"{1}\".", Organisation.FormalName, Statement.Title));
            return RedirectToPage(new { statementId, organisationId });
        }, async () =>
        {
            await LoadAsync(statementId, organisationId, ct);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int statementId, int organisationId, CancellationToken ct)
    {
        if (await GuardAsync(statementId, organisationId, ct) is { } stop) return stop;
        ModelState.Clear();
        Response.Headers.CacheControl = "no-cache, no-store";
        WithdrawalRefused = true;
        if (!TryValidateModel(Withdrawal, nameof(Withdrawal)))
        {
            Withdrawal.Code = "";
            return Page();
        }
        var userId = users.GetUserId(User)!;
        // The same step-up as a signature: a withdrawal changes what the organisation is on record as endorsing.
        var result = await desk.WithdrawAsync(statementId, organisationId, Withdrawal.Reason, userId, User.ToAuditActor(),
            c => stepUp.VerifyAsync(userId, Withdrawal.Code, StepUpAct.Withdrawing, c), ct);
        if (result.Refusal == DeskRefusal.Forbidden) return StatusCode(StatusCodes.Status403Forbidden);
        Withdrawal.Code = "";
        return await this.AnswerAsync(result, () => RedirectToPage(new { statementId, organisationId }), async () =>
        {
            await LoadAsync(statementId, organisationId, ct);
            return Page();
        });
    }

    /// <summary>404 for what does not exist, 403 for someone who may not sign for the organisation; else loads the page.</summary>
    private async Task<IActionResult?> GuardAsync(int statementId, int organisationId, CancellationToken ct)
    {
        if (!await LoadAsync(statementId, organisationId, ct)) return NotFound();
        if (!await desk.CanSignForAsync(users.GetUserId(User)!, organisationId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        return null;
    }

    private async Task<bool> LoadAsync(int statementId, int organisationId, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == statementId, ct);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        // Before it is open for signature a statement is not for signatories to see here.
        if (statement is null || organisation is null || !statement.HasOpenedForSignature) return false;
        Statement = statement;
        Organisation = organisation;
        Final = statement.FinalVersionId is { } id ? await db.StatementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) : null;
        Document = Final is null ? null : StatementParser.Parse(Final.Text).Document;
        var requested = HttpMethods.IsPost(Request.Method) ? Input.ShownLanguage : Request.Query["lang"].ToString();
        Languages = Final is null ? null : await Web.Statements.StatementLanguages.LoadAsync(db, statement, Final, requested, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Refusal = statement.RefuseEndorsement(organisation.Sector, EndorsementDesk.AudiencesOf(Final), now) is { } refusal
            ? Localization.Translations.Of(HttpContext, refusal) : null;
        Withdrawable = statement.TakesEndorsementsAt(now);
        var endorsements = await db.Endorsements.AsNoTracking()
            .Where(e => e.StatementId == statementId && e.OrganisationId == organisationId).OrderByDescending(e => e.SignedUtc).ToListAsync(ct);
        Live = endorsements.FirstOrDefault(e => e.IsLive);
        Withdrawn = endorsements.Where(e => !e.IsLive).ToList();
        LiveShown = Live is null ? [] : await db.EndorsementShownTexts.AsNoTracking().Where(t => t.EndorsementId == Live.Id).OrderBy(t => t.Id).ToListAsync(ct);
        return true;
    }

    public string InZone(DateTime utc) => SigningView.InZone(Statement.Summit, utc);
}
