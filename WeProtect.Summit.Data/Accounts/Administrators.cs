namespace WeProtect.Summit.Data.Accounts;

/// <summary>The rule that the site always keeps an administrator: no account that is the last one loses the role or
/// is erased. Checked after <see cref="RoleTurn.TakeAsync"/> for the Admin role, so that two such changes at once
/// (two administrators removing each other, an erasure beside a removal) cannot both pass it.</summary>
public static class Administrators
{
    /// <summary>Whether the user holds the Admin role and no other account that is not erased does.</summary>
    public static async Task<bool> IsLastAsync(SummitDbContext db, string userId, CancellationToken ct)
    {
        var adminRoleId = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (adminRoleId is null) return false;
        var admins = db.UserRoles.Where(ur => ur.RoleId == adminRoleId).Select(ur => ur.UserId);
        if (!await admins.AnyAsync(id => id == userId, ct)) return false;
        return !await db.Users.AnyAsync(u => u.Id != userId && admins.Contains(u.Id)
            && (u.NormalizedEmail == null || !u.NormalizedEmail.EndsWith("@ERASED.INVALID")), ct);
    }
}
