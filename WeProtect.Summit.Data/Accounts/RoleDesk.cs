using Microsoft.AspNetCore.Identity;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Desks;

namespace WeProtect.Summit.Data.Accounts;

/// <summary>Who is an organiser or an administrator, as administrators change it: a role given or taken back in one
/// transaction with the account's new security stamp (cookies carrying the old roles are refused at their next check)
/// and the audit event. Changes to one role take turns (<see cref="RoleTurn"/>): a double click gives a role once, and
/// two administrators removing each other at once leave one of them an administrator (<see cref="Administrators"/>).</summary>
public sealed class RoleDesk(SummitDbContext db, AuditTrail audit)
{
    public const string LastAdministrator = "The last administrator cannot lose the role: make someone else an administrator first.";

    public async Task<DeskResult> ChangeAsync(string userId, string role, bool grant, AuditActor actor, CancellationToken ct = default)
    {
        var user = Roles.All.Contains(role) ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) : null;
        if (user is null) return DeskResult.NotFound("There is no such account.");
        if (grant && user.IsErased) return DeskResult.Refused("This account was erased at its holder's request: it is closed for good and takes no role.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var roleId = await RoleTurn.TakeAsync(db, role, ct);
        if (roleId is null) return DeskResult.NotFound("There is no such account.");
        var holder = db.UserRoles.Where(ur => ur.UserId == userId && ur.RoleId == roleId);
        if (grant == await holder.AnyAsync(ct)) return DeskResult.Done(Unchanged(user.FullName, role, grant));
        if (!grant && role == Roles.Admin && await Administrators.IsLastAsync(db, userId, ct)) return DeskResult.Refused(LastAdministrator);

        if (grant) db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        else await holder.ExecuteDeleteAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")).SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
        audit.Record(actor, grant ? "role.granted" : "role.revoked", user, $"{(grant ? "Given" : "No longer has")} the {role} role");
        await audit.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeskResult.Done(Changed(user.FullName, role, grant));
    }

    // Each message returned on its own (not through ?: or a switch, whose strings would be formatted before they could
    // be translated).
    private static DeskText Changed(string name, string role, bool granted)
    {
        if (role == Roles.Admin)
        {
            if (granted) return $"{name} is now an administrator.";
            return $"{name} is no longer an administrator.";
        }
        if (granted) return $"{name} is now an organiser.";
        return $"{name} is no longer an organiser.";
    }

    private static DeskText Unchanged(string name, string role, bool grant)
    {
        if (role == Roles.Admin)
        {
            if (grant) return $"{name} is already an administrator.";
            return $"{name} is not an administrator.";
        }
        if (grant) return $"{name} is already an organiser.";
        return $"{name} is not an organiser.";
    }
}
