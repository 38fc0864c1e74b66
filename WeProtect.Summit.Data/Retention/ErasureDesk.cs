using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Retention;

/// <summary>A person's request to have their personal data erased, and an administrator carrying it out with the
/// rules of <see cref="PersonalDataCatalogue"/> (their rows in every summit, then the account itself). Public-record
/// items (endorsements) and the audit trail are kept; the events name ids only. The person may withdraw their request
/// until an administrator carries it out.</summary>
public sealed class ErasureDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock, Registrations.RegistrationDesk registrations, Notifications.Notifier notifier)
{
    public const string LastAdministrator =
        "This account is the last administrator: erasing it would leave nobody able to run the site. Give another account the Admin role first, then carry out the request.";

    public async Task<DeskResult> RequestAsync(string userId, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return DeskResult.NotFound("There is no such account.");
        var already = DeskResult.Refused("You have already asked for your data to be erased: the administrators will carry it out.");
        if (await db.ErasureRequests.AnyAsync(r => r.UserId == userId && r.CarriedOutUtc == null, ct)) return already;
        var request = new ErasureRequest(userId, clock.GetUtcNow().UtcDateTime);
        db.ErasureRequests.Add(request);
        // The actor by id only: the name is about to go.
        audit.Record(new AuditActor(userId, "account holder", AuditActor.AccountHolder), "account.erasure-requested", request, $"Account {userId} asked for its personal data to be erased");
        try { await audit.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // The same request posted twice at once: the open request's unique index kept the first.
            db.ChangeTracker.Clear();
            return already;
        }
        return DeskResult.Done("Your request is recorded. An administrator will erase your personal data and close your account.");
    }

    /// <summary>The account holder takes back their open request. A conditional delete: a request an administrator is
    /// carrying out at the same moment (claimed in its transaction) or has carried out is not withdrawn.</summary>
    public async Task<DeskResult> WithdrawAsync(string userId, CancellationToken ct = default)
    {
        var none = DeskResult.Refused("You have no erasure request waiting: it has already been carried out or withdrawn.");
        var request = await db.ErasureRequests.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.CarriedOutUtc == null, ct);
        if (request is null) return none;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var withdrawn = await db.ErasureRequests.Where(r => r.Id == request.Id && r.CarriedOutUtc == null).ExecuteDeleteAsync(ct);
        if (withdrawn == 0) return none;
        audit.Record(new AuditActor(userId, "account holder", AuditActor.AccountHolder), "account.erasure-withdrawn", request,
            $"Account {userId} withdrew its erasure request {request.Id}");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done("Your request is withdrawn: your data and your account are kept.");
    }

    /// <summary>The answer about a request that is not there: a withdrawn request leaves only its audit event, which
    /// tells the administrator that nothing was erased rather than that the request never existed.</summary>
    private async Task<DeskResult> GoneAsync(int requestId, CancellationToken ct)
    {
        var subject = requestId.ToString(CultureInfo.InvariantCulture);
        var withdrawn = await db.AuditEvents.AnyAsync(e => e.Action == "account.erasure-withdrawn" && e.SubjectType == nameof(ErasureRequest) && e.SubjectId == subject, ct);
        return withdrawn
            ? DeskResult.Refused("The account holder withdrew this request before it was carried out: nothing was erased.")
            : DeskResult.NotFound("There is no such request.");
    }

    /// <summary>Carries out the request once (a conditional update claims it). The value is the address the account
    /// had, so that the caller can remove mail kept for it outside the database.</summary>
    public async Task<DeskResult<string>> CarryOutAsync(int requestId, AuditActor actor, CancellationToken ct = default)
    {
        var request = await db.ErasureRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return (await GoneAsync(requestId, ct)).With<string>();
        if (!request.IsOpen) return DeskResult.Refused("This request has already been carried out.").With<string>();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == request.UserId, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The Admin role's turn first: a removal of another administrator at the same moment waits, or we wait for it.
        await Accounts.RoleTurn.TakeAsync(db, Accounts.Roles.Admin, ct);
        if (await Accounts.Administrators.IsLastAsync(db, user.Id, ct))
            return DeskResult.Refused(LastAdministrator).With<string>();
        var claimed = await db.ErasureRequests.Where(r => r.Id == requestId && r.CarriedOutUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CarriedOutUtc, now).SetProperty(r => r.CarriedOutByUserId, actor.UserId), ct);
        if (claimed == 0)
        {
            // Someone got there first: another administrator carried it out, or its holder withdrew it (deleted).
            await tx.RollbackAsync(ct);
            if (await db.ErasureRequests.AnyAsync(r => r.Id == requestId, ct)) return DeskResult.Refused("This request has already been carried out.").With<string>();
            return (await GoneAsync(requestId, ct)).With<string>();
        }
        // Their places at summits still to come go first (seats released, the waiting list moved on), while the rows
        // still say who held them.
        var cancelled = await registrations.CancelForErasureAsync(user.Id, actor, ct);
        var scope = ErasureScope.OfPerson(db, user.Id, user.Email, now);
        var (total, counts) = await RetentionDesk.EraseAsync([.. PersonalDataCatalogue.Summit, .. PersonalDataCatalogue.Account], scope, ct);
        audit.Record(actor, "account.erased", request, $"Erasure request {requestId}: account {user.Id} pseudonymised and closed, {total} rows changed{counts}"
            + (cancelled > 0 ? $"; {cancelled} registrations for summits still to come cancelled" : ""));
        await audit.SaveChangesAsync(ct);
        await notifier.CommitAsync(tx, ct);
        DeskText done = $"Request {requestId} carried out: the account is pseudonymised and closed.";
        return DeskResult.Done(cancelled == 0 ? done : DeskResult.Joined([done, DeskText.Counted(cancelled,
            $"{cancelled} registration for a summit still to come was cancelled: its place and seats are free again.",
            $"{cancelled} registrations for summits still to come were cancelled: their places and seats are free again.")])).With(user.Email ?? "");
    }
}
