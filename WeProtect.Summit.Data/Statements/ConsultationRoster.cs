using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Statements;

/// <summary>Who is consulted on a summit's statements: the summit's approved delegates and anyone holding a live
/// signing authority for an organisation. Organisers see consultations without taking part in them.</summary>
public sealed class ConsultationRoster(SummitDbContext db)
{
    /// <summary>The organisation a participant speaks for (credited in change notes), as it is named now.</summary>
    public sealed record Participant(int? OrganisationId, string? OrganisationName);

    /// <summary>The participant, or null when the user is not consulted on this summit's statements. A delegate's
    /// registration names the organisation first; a signatory's authority otherwise.</summary>
    public async Task<Participant?> ParticipantAsync(int summitId, string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId)) return null;
        var registration = await db.Registrations.AsNoTracking()
            .Where(r => r.SummitId == summitId && r.UserId == userId && r.Status == RegistrationStatus.Approved)
            .Select(r => new Participant(r.OrganisationId, r.Organisation != null ? r.Organisation.FormalName : r.ProposedOrganisationName))
            .FirstOrDefaultAsync(ct);
        if (registration is not null) return registration;
        return await db.SigningAuthorities.AsNoTracking()
            .Unrevoked().Where(a => a.UserId == userId)
            .OrderBy(a => a.Id)
            .Select(a => new Participant(a.OrganisationId, a.Organisation.FormalName))
            .FirstOrDefaultAsync(ct);
    }
}
