using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Notifications;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Validation;
using WeProtect.Summit.Data.Vocabulary;

namespace WeProtect.Summit.Data.Endorsements;

/// <summary>Signing authorities and endorsements: who may sign for which organisation, and the signatures
/// themselves. "One live endorsement per organisation per statement" is the database's filtered unique index, not a
/// count made here: of any number of simultaneous signatures one is inserted and every other is told who signed.
/// Every grant, revocation, endorsement, withdrawal and close is an audit event in the same transaction.</summary>
public sealed class EndorsementDesk(SummitDbContext db, AuditTrail audit, Notifier notifier, TimeProvider clock)
{
    /// <summary>What a signatory confirms: the hash shown with the text, and their printed name and position.
    /// <paramref name="ShownLanguage"/> and <paramref name="ShownHash"/> name the language version the page showed (the
    /// authoritative text when null); it is recorded with the endorsement, which binds the authoritative hash.</summary>
    public sealed record Signature(int StatementId, int OrganisationId, string ConfirmedHash, string PrintedName, string PrintedPosition,
        string? Declaration = null, string? ShownLanguage = null, string? ShownHash = null);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---------------------------------------------------------------- authorities

    /// <summary>Grants <paramref name="userId"/> the right to sign for the organisation. Refused while the user has no
    /// two-factor authentication: the grant could not be used, and DESIGN asks for it before granting.</summary>
    public async Task<DeskResult<SigningAuthority>> GrantAsync(string userId, int organisationId, string evidenceReference, DateOnly evidenceDate, AuditActor organiser,
        CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return new(DeskAnswer.NotFound, "There is no such user.");
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct)) return new(DeskAnswer.NotFound, "There is no such organisation.");
        evidenceReference = (evidenceReference ?? "").Trim();
        if (evidenceReference.Length == 0) return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: "Give the reference of the credentials letter.");
        if (evidenceReference.Length > SigningAuthority.EvidenceMaxLength)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: $"The evidence reference is longer than {SigningAuthority.EvidenceMaxLength} characters.");
        if (evidenceDate > DateOnly.FromDateTime(Now.AddDays(1))) return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: "The credentials letter cannot be dated in the future.");
        if (!user.TwoFactorEnabled)
            // The words of Vocabulary.Words.TwoStepVerification*, written out: a template is one literal.
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: $"{user.Email} has not turned on two-step verification. A signing authority takes effect only for " +
                $"a user with two-step verification: ask them to turn it on (Profile → Two-step verification), then grant it.");
        if (await db.SigningAuthorities.Unrevoked().AnyAsync(a => a.UserId == userId && a.OrganisationId == organisationId, ct))
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: "This user can already sign for this organisation.");

        var authority = new SigningAuthority
        {
            UserId = userId, OrganisationId = organisationId, EvidenceReference = evidenceReference, EvidenceDate = evidenceDate,
            GrantedByUserId = organiser.UserId ?? "", GrantedUtc = Now,
        };
        db.SigningAuthorities.Add(authority);
        audit.Record(organiser, "signing-authority.granted", authority, $"Signing authority for organisation {organisationId} granted to user {userId}");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await audit.SaveChangesAsync(ct);
            // The signatory is told, in the grant's transaction: one letter per grant (a double click is refused above).
            notifier.Add(NotificationKinds.SigningGranted, authority.Id);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The filtered unique index (organisation, user) among live grants: a double click.
            db.Entry(authority).State = EntityState.Detached;
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: "This user can already sign for this organisation.");
        }
        return new(DeskAnswer.Done, "Signing authority granted.") { Value = authority };
    }

    /// <summary>Revokes a grant with a reason, and tells the former signatory by e-mail in the same transaction. The
    /// revocation is a conditional update: of two organisers revoking at once, one revokes (and one letter goes), the
    /// other is told it was already revoked.</summary>
    public async Task<DeskResult<SigningAuthority>> RevokeAsync(int authorityId, string reason, AuditActor organiser, CancellationToken ct = default)
    {
        var authority = await db.SigningAuthorities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == authorityId, ct);
        if (authority is null) return new(DeskAnswer.NotFound, "There is no such signing authority.");
        if (authority.Revoke(reason, organiser.UserId ?? "", Now) is { } refusal) return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: refusal);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var revoked = await db.SigningAuthorities.Where(a => a.Id == authority.Id && a.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RevokedUtc, authority.RevokedUtc).SetProperty(a => a.RevokedByUserId, authority.RevokedByUserId)
                .SetProperty(a => a.RevocationReason, authority.RevocationReason), ct);
        if (revoked == 0) return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: "This signing authority was already revoked.");
        audit.Record(organiser, "signing-authority.revoked", authority,
            $"Signing authority {authority.Id} for organisation {authority.OrganisationId} revoked");
        notifier.Add(NotificationKinds.SigningRevoked, authority.Id);
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        return new(DeskAnswer.Done, "Signing authority revoked. The former signatory is told by e-mail.") { Value = authority };
    }

    /// <summary>True when the user holds a live grant for the organisation and has two-factor authentication on.</summary>
    public Task<bool> CanSignForAsync(string userId, int organisationId, CancellationToken ct = default) =>
        db.SigningAuthorities.Live(db.Users).AnyAsync(a => a.UserId == userId && a.OrganisationId == organisationId, ct);

    // ---------------------------------------------------------------- signing

    /// <summary>Audiences of a statement's final text (empty when there is none, or it does not parse).</summary>
    public static IReadOnlyList<StatementAudience> AudiencesOf(StatementVersion? final) =>
        final is null ? [] : StatementParser.Parse(final.Text).Document?.Audiences ?? [];

    /// <summary>Signs for the organisation. The statement's rule, the user's live authority and two-factor
    /// authentication, and the confirmed hash are checked first; then <paramref name="stepUp"/> (the fresh
    /// authenticator code, claimed once) is asked; then the row is inserted and the unique index decides.</summary>
    public async Task<DeskResult<Endorsement>> SignAsync(Signature signature, string userId, AuditActor actor, Func<CancellationToken, Task<DeskText?>> stepUp,
        CancellationToken ct = default)
    {
        var statement = await db.Statements.AsNoTracking().Include(s => s.Summit).FirstOrDefaultAsync(s => s.Id == signature.StatementId, ct);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == signature.OrganisationId, ct);
        if (statement is null || organisation is null) return new(DeskAnswer.NotFound, "There is no such statement or organisation.");
        if (!await db.SigningAuthorities.Unrevoked().AnyAsync(a => a.UserId == userId && a.OrganisationId == organisation.Id, ct))
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.Forbidden, Text: "You do not hold a signing authority for this organisation.");
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabled, ct))
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.Forbidden, Text: $"Turn on two-step verification before signing: a signing authority takes effect only with it.");

        var final = statement.FinalVersionId is { } finalId
            ? await db.StatementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == finalId, ct) : null;
        if (statement.RefuseEndorsement(organisation.Sector, AudiencesOf(final), Now) is { } refusal)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: $"{refusal} Nothing was signed.");
        if (final is null || !string.Equals(signature.ConfirmedHash?.Trim(), final.ContentHash, StringComparison.Ordinal))
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.TextChanged, Text: "The text changed since you opened it: the hash you confirmed is not the final version's. " +
                "Nothing was signed. Read the text again before signing.");

        var shown = await ShownTextAsync(statement, final, signature, ct);
        if (shown is null)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.TextChanged, Text: "The translation you read is not a translation of the final text, or it changed " +
                "since you opened it. Nothing was signed. Read the text again before signing.");

        var name = (signature.PrintedName ?? "").Trim();
        var position = (signature.PrintedPosition ?? "").Trim();
        if (name.Length == 0 || position.Length == 0) return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: "Give your name and position as they should be printed.");
        if (name.Length > Endorsement.PrintedMaxLength || position.Length > Endorsement.PrintedMaxLength)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: $"Name and position are at most {Endorsement.PrintedMaxLength} characters each.");
        if ((NameRule.Problem(name, "The name") ?? NameRule.Problem(position, "The position")) is { } badCharacter)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: badCharacter);

        var declaration = string.IsNullOrWhiteSpace(signature.Declaration) ? null : signature.Declaration.Trim().ReplaceLineEndings("\n");
        if (declaration?.Length > Endorsement.DeclarationMaxLength)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: $"The declaration is at most {Endorsement.DeclarationMaxLength} characters.");
        if (declaration is not null && declaration.Any(c => char.IsControl(c) && c != '\n'))
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: "The declaration contains control characters; write it as plain text.");

        // Answered from a plain read when it is plain; the index answers the requests that race.
        if (await LiveEndorsementAsync(statement.Id, organisation.Id, ct) is { } existing) return AlreadyEndorsed(existing, statement.Summit);

        if (await stepUp(ct) is { } stepUpRefusal) return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: $"{stepUpRefusal} Nothing was signed.");

        var endorsement = new Endorsement
        {
            StatementId = statement.Id, OrganisationId = organisation.Id, StatementVersionId = final.Id, ContentHash = final.ContentHash,
            SignerUserId = userId, PrintedName = name, PrintedPosition = position, SignedUtc = Now, Declaration = declaration,
        };
        // The statement is checked open again inside the transaction that inserts, by a write on its row: a close
        // committed first makes this touch nothing (refused); a close coming second waits for this commit.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stillOpen = await db.Statements
            .Where(s => s.Id == statement.Id).Where(Statement.TakesEndorsementAt(endorsement.SignedUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, x => x.Status), ct);
        if (stillOpen == 0) return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: "Signing of this statement closed a moment ago. Nothing was signed.");
        db.Endorsements.Add(endorsement);
        shown.Endorsement = endorsement;
        db.EndorsementShownTexts.Add(shown);
        audit.Record(actor, "endorsement.signed", endorsement,
            $"Endorsement of statement {statement.Id} (version {final.Id}, {final.ContentHash}) for organisation {organisation.Id}"
            + $", text shown: {shown.Language} {shown.ContentHash}"
            + (statement.Standing ? ", a standing statement (outside any signing window)" : "")
            + (declaration is null ? "" : $", with a declaration (SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(declaration)))})"));
        try
        {
            await audit.SaveChangesAsync(ct);
            await ReceiptsAsync(NotificationKinds.EndorsementSigned, endorsement, ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateException)
        {
            // The filtered unique index (statement, organisation) where not withdrawn: someone signed first.
            // The dependent first: detaching the endorsement would otherwise sever its required shown text.
            db.Entry(shown).State = EntityState.Detached;
            db.Entry(endorsement).State = EntityState.Detached;
            return await LiveEndorsementAsync(statement.Id, organisation.Id, ct) is { } winner
                ? AlreadyEndorsed(winner, statement.Summit)
                : new(DeskAnswer.Refused, Refusal: DeskRefusal.AlreadyEndorsed, Text: "Your organisation's endorsement was being changed at the same moment. Nothing was signed; look again.");
        }
        return new(DeskAnswer.Done, $"Signed: {organisation.FormalName} endorses \"{statement.Title}\".") { Value = endorsement };
    }

    /// <summary>The language version the signing page showed: the authoritative text (no language, or its own, with
    /// the final hash or none), or a translation of the final version with that hash; null when it is neither.</summary>
    private async Task<EndorsementShownText?> ShownTextAsync(Statement statement, StatementVersion final, Signature signature, CancellationToken ct)
    {
        var language = string.IsNullOrWhiteSpace(signature.ShownLanguage) ? statement.AuthoritativeLanguage : signature.ShownLanguage.Trim();
        var hash = signature.ShownHash?.Trim();
        if (language == statement.AuthoritativeLanguage)
            return string.IsNullOrEmpty(hash) || hash == final.ContentHash
                ? new EndorsementShownText { Language = language, ContentHash = final.ContentHash } : null;
        var translation = await db.StatementTranslations.AsNoTracking()
            .Where(t => t.StatementId == statement.Id && t.StatementVersionId == final.Id && t.Language == language && t.ContentHash == hash)
            .OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
        return translation is null ? null
            : new EndorsementShownText { Language = language, ContentHash = translation.ContentHash, StatementTranslationId = translation.Id };
    }

    /// <summary>A receipt to every live signatory of the organisation, written in the same transaction.</summary>
    private async Task ReceiptsAsync(string kind, Endorsement endorsement, CancellationToken ct)
    {
        var signatories = await db.SigningAuthorities.Unrevoked().Where(a => a.OrganisationId == endorsement.OrganisationId)
            .Select(a => a.UserId).Distinct().ToListAsync(ct);
        foreach (var userId in signatories) notifier.Add(kind, endorsement.Id, userId);
    }

    public Task<Endorsement?> LiveEndorsementAsync(int statementId, int organisationId, CancellationToken ct = default) =>
        db.Endorsements.AsNoTracking().FirstOrDefaultAsync(e => e.StatementId == statementId && e.OrganisationId == organisationId && e.WithdrawnUtc == null, ct);

    // When it was signed, on the summit's clock as every time a signatory reads (the receipt, the Agreed-by page).
    private static DeskResult<Endorsement> AlreadyEndorsed(Endorsement existing, Summits.Summit summit) => new(DeskAnswer.Refused, Refusal: DeskRefusal.AlreadyEndorsed, Text:
        $"Your organisation has already endorsed this statement (signed by {existing.PrintedName} on {summit.ToLocal(existing.SignedUtc):d MMMM yyyy, HH:mm} ({summit.TimeZoneId})). " +
        $"Nothing more was signed.") { Value = existing };

    /// <summary>Withdraws the organisation's live endorsement while the statement takes endorsements
    /// (<see cref="Statement.TakesEndorsementsAt"/>: in the window, standing, or open for late endorsements); the row stays
    /// with when, who and why, and published revisions keep the list as it was. As for a signature, the authority, the
    /// statement and the reason are checked first; then <paramref name="stepUp"/> (the fresh authenticator code, claimed
    /// once) is asked, and nothing is withdrawn without it.</summary>
    public async Task<DeskResult<Endorsement>> WithdrawAsync(int statementId, int organisationId, string reason, string userId, AuditActor actor,
        Func<CancellationToken, Task<DeskText?>> stepUp, CancellationToken ct = default)
    {
        if (!await CanSignForAsync(userId, organisationId, ct))
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.Forbidden, Text: "You do not hold a signing authority for this organisation.");
        var statement = await db.Statements.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return new(DeskAnswer.NotFound, "There is no such statement.");
        var now = Now;
        if (!statement.TakesEndorsementsAt(now))
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: WithdrawalClosed);
        var endorsement = await db.Endorsements.FirstOrDefaultAsync(e => e.StatementId == statementId && e.OrganisationId == organisationId && e.WithdrawnUtc == null, ct);
        // A second click, or a second tab: the statement exists, so a refusal on its page, not a 404.
        if (endorsement is null)
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: await db.Endorsements.AnyAsync(e => e.StatementId == statementId && e.OrganisationId == organisationId, ct)
                ? "Your organisation's endorsement is already withdrawn. Nothing more was withdrawn."
                : "Your organisation has no endorsement of this statement to withdraw.");
        if (endorsement.WhyNotWithdrawn(reason) is { } refusal) return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: refusal);
        if (await stepUp(ct) is { } stepUpRefusal) return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: $"{stepUpRefusal} Nothing was withdrawn.");
        if (endorsement.Withdraw(reason, userId, now) is { } late) return new(DeskAnswer.Refused, Refusal: DeskRefusal.Invalid, Text: late);
        audit.Record(actor, "endorsement.withdrawn", endorsement, $"Endorsement {endorsement.Id} of statement {statementId} for organisation {organisationId} withdrawn");
        // As for signing: still taking endorsements when the withdrawal commits, and withdrawn once only (WithdrawnUtc is a
        // concurrency token).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stillOpen = await db.Statements
            .Where(s => s.Id == statementId).Where(Statement.TakesEndorsementAt(now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, x => x.Status), ct);
        if (stillOpen == 0) return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: "Signing of this statement closed a moment ago. Nothing was withdrawn.");
        try
        {
            await audit.SaveChangesAsync(ct);
            await ReceiptsAsync(NotificationKinds.EndorsementWithdrawn, endorsement, ct);
            await notifier.CommitAsync(tx, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: "The endorsement was withdrawn by someone else at the same moment.");
        }
        return new(DeskAnswer.Done, statement.Status == StatementStatus.Published
            ? "The endorsement is withdrawn. The published communiqué keeps the list as it was signed; its next revision leaves your organisation out."
            : "The endorsement is withdrawn. Your organisation may endorse the statement again while it takes endorsements.") { Value = endorsement };
    }

    /// <summary>Why an endorsement can no longer be withdrawn: the one wording for the desk and the signing page.</summary>
    public const string WithdrawalClosed = "The statement no longer takes endorsements: its list of signatories is the record as agreed, " +
        "and an endorsement can no longer be withdrawn.";

    /// <summary>Ends, inside the caller's transaction, the organisation's live endorsements of standing statements when it
    /// leaves the Alliance: a standing statement lists members, so one that left is no longer among them (and is no
    /// longer asked to report on it). Withdrawn now, by the organiser, with the day it left as the reason; published
    /// revisions keep the list as it was. Summit statements keep their endorsements: they record a past meeting.</summary>
    public async Task<IReadOnlyList<Endorsement>> EndStandingOnLeavingAsync(int organisationId, DateOnly leftOn, AuditActor organiser, CancellationToken ct = default)
    {
        var now = Now;
        var endorsements = await db.Endorsements
            .Where(e => e.OrganisationId == organisationId && e.WithdrawnUtc == null)
            .Where(e => db.Statements.Any(s => s.Id == e.StatementId && s.Standing))
            .ToListAsync(ct);
        foreach (var endorsement in endorsements)
        {
            if (endorsement.EndOnLeaving(leftOn, organiser.UserId ?? "", now) is { } refusal)
                throw new InvalidOperationException(refusal.ToString());
            audit.Record(organiser, "endorsement.withdrawn", endorsement,
                $"Endorsement {endorsement.Id} of standing statement {endorsement.StatementId} for organisation {organisationId} ended: it left the Alliance on {leftOn:yyyy-MM-dd}");
            await ReceiptsAsync(NotificationKinds.EndorsementWithdrawn, endorsement, ct);
        }
        return endorsements;
    }

    // ---------------------------------------------------------------- closing

    /// <summary>Closes signing on the statement (at the window's end, or early by an organiser). Changes nothing when
    /// it is no longer open for signature.</summary>
    public async Task<DeskResult> CloseAsync(int statementId, AuditActor actor, string why, CancellationToken ct = default)
    {
        var statement = await db.Statements.FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null) return new(DeskAnswer.NotFound, "There is no such statement.");
        if (statement.CloseSigning(Now) is { } refusal) return new(DeskAnswer.Refused, Refusal: DeskRefusal.NotAllowed, Text: refusal);
        statement.Version = Guid.NewGuid();
        var count = await db.Endorsements.CountAsync(e => e.StatementId == statementId && e.WithdrawnUtc == null, ct);
        audit.Record(actor, "statement.signing-closed", statement, $"Signing of statement {statementId} closed ({why}); {count} live endorsements");
        try
        {
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DeskResult.Conflict("this statement");
        }
        return DeskResult.Done(statement.RecordedAfterwards ? "The record of its endorsements is closed: publish the communiqué." : "Signing is closed.");
    }
}
