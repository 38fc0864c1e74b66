using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Data.Registrations;

/// <summary>Who works a summit's check-in desk besides the organisers: granted by address to an existing account,
/// withdrawn by deleting the grant (both audited, by id).</summary>
public sealed class CheckInStaffDesk(SummitDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Whether <paramref name="userId"/> holds the check-in grant of the summit.</summary>
    public Task<bool> MayCheckInAsync(int summitId, string? userId, CancellationToken ct = default) =>
        userId is null ? Task.FromResult(false) : db.CheckInStaff.AnyAsync(c => c.SummitId == summitId && c.UserId == userId, ct);

    public async Task<DeskResult> GrantAsync(int summitId, string? email, AuditActor actor, CancellationToken ct = default)
    {
        if (!await db.Summits.AnyAsync(s => s.Id == summitId, ct)) return DeskResult.NotFound("There is no such summit.");
        if (EmailAddresses.Problem(email) is { } bad) return DeskResult.Invalid([("Email", bad)]);
        var normalised = EmailAddresses.Normalise(email!);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, ct);
        if (user is null) return DeskResult.Invalid([("Email", (DeskText)"Nobody has an account with this address: ask them to create one first.")]);
        if (await db.CheckInStaff.AnyAsync(c => c.SummitId == summitId && c.UserId == user.Id, ct))
            return DeskResult.Refused($"{user.FullName} already works the check-in desk of this summit.");
        var grant = new CheckInStaff(summitId, user.Id, actor.UserId ?? "", clock.GetUtcNow().UtcDateTime);
        db.CheckInStaff.Add(grant);
        try
        {
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "checkin-staff.granted", grant, $"Check-in grant {grant.Id} for summit {summitId}");
            await audit.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Refused($"{user.FullName} already works the check-in desk of this summit.");
        }
        return DeskResult.Done($"{user.FullName} may now work the check-in desk of this summit, and see nothing else of it.");
    }

    public async Task<DeskResult> RevokeAsync(int summitId, int grantId, AuditActor actor, CancellationToken ct = default)
    {
        var grant = await db.CheckInStaff.FirstOrDefaultAsync(c => c.Id == grantId && c.SummitId == summitId, ct);
        if (grant is null) return DeskResult.NotFound("There is no such check-in grant.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.CheckInStaff.Where(c => c.Id == grantId).ExecuteDeleteAsync(ct);
        audit.Record(actor, "checkin-staff.revoked", grant, $"Check-in grant {grant.Id} for summit {summitId} withdrawn");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done("The check-in grant is withdrawn.");
    }
}
