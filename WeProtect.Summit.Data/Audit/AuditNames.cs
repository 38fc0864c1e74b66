using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Data.Audit;

/// <summary>The names of the people an audit trail page shows, looked up from the user table when it is shown, not
/// from the events: an erased account reads "erased user #id". Events store user ids (and the actor's role) only, so a
/// person's erasure leaves the trail, whose rows are hash-chained and never rewritten, without their name.</summary>
public static class AuditNames
{
    public static string Erased(string userId) => $"erased user #{userId}";

    /// <summary>Display names by user id for <paramref name="userIds"/> (unknown and erased accounts: <see cref="Erased"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(SummitDbContext db, IEnumerable<string?> userIds, CancellationToken ct = default)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.NormalizedEmail }).ToListAsync(ct);
        var names = ids.ToDictionary(id => id, Erased);
        foreach (var u in users.Where(u => !(u.NormalizedEmail ?? "").EndsWith(PersonalDataCatalogue.ErasedDomain.ToUpperInvariant(), StringComparison.Ordinal)
                     && u.FullName != PersonalDataCatalogue.FormerUser))
            names[u.Id] = u.FullName;
        return names;
    }

    /// <summary>The "who" of an event: the system actor's name, or the user's name now with the role the event stored
    /// (events written before roles were stored hold a name of their own: the user's name now is shown instead).</summary>
    public static string Who(AuditEvent e, IReadOnlyDictionary<string, string> names)
    {
        if (e.ActorUserId is null) return e.ActorName;
        var name = names.GetValueOrDefault(e.ActorUserId) ?? Erased(e.ActorUserId);
        return e.ActorRole() is { } role ? $"{name} ({Vocabulary.Words.RoleName(role)})" : name;
    }

    /// <summary>The user id an event is about, when its subject is an account.</summary>
    public static string? SubjectUserId(AuditEvent e) => e.SubjectType == nameof(Accounts.SummitUser) ? e.SubjectId : null;
}
