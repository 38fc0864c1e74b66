using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Invitations;

/// <summary>Where each invited organisation of a summit stands: invited (and whether it answered), how many it
/// nominated, how many of them registered, how many are approved.</summary>
public sealed record DelegationProgress(int InvitationId, int OrganisationId, string Organisation, string Email, string State,
    string? Quota, int Nominated, int Registered, int Approved, DateTime? LastRemindedUtc, bool AwaitsAnswer)
{
    /// <summary>Open and nobody nominated yet: whom "Remind" and the deadline reminder reach.</summary>
    public bool AwaitsNominations => State is "Invited" or "Accepted" && Nominated == 0;

    public static async Task<IReadOnlyList<DelegationProgress>> OfSummitAsync(SummitDbContext db, int summitId, DateTime nowUtc, CancellationToken ct = default)
    {
        var invitations = await db.Invitations.AsNoTracking().Include(i => i.Organisation).Where(i => i.SummitId == summitId).ToListAsync(ct);
        var nominated = await db.Nominations.Where(n => n.SummitId == summitId && n.WithdrawnUtc == null)
            .GroupBy(n => n.InvitationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var registrations = await (from n in db.Nominations
                                   join r in db.Registrations on n.Id equals r.NominationId
                                   where n.SummitId == summitId && n.WithdrawnUtc == null && r.Status != RegistrationStatus.Cancelled
                                   select new { n.InvitationId, r.Status }).ToListAsync(ct);
        var quotas = await db.DelegationQuotas.AsNoTracking().Where(q => q.SummitId == summitId).ToDictionaryAsync(q => q.OrganisationId, ct);
        return invitations
            .OrderBy(i => i.Organisation.SortName, StringComparer.Create(CultureInfo.InvariantCulture, true)).ThenBy(i => i.Id)
            .Select(i => new DelegationProgress(i.Id, i.OrganisationId, i.Organisation.FormalName, i.Email, i.State(nowUtc),
                quotas.TryGetValue(i.OrganisationId, out var q) ? DelegationDesk.Describe(q) : null,
                nominated.GetValueOrDefault(i.Id),
                registrations.Count(r => r.InvitationId == i.Id),
                registrations.Count(r => r.InvitationId == i.Id && r.Status == RegistrationStatus.Approved),
                i.LastRemindedUtc, i.AwaitsAnswer(nowUtc)))
            .ToList();
    }
}
