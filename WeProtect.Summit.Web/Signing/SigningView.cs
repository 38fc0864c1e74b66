using WeProtect.Summit.Web.Localization;
using WeProtect.Summit.Data.Desks;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Web.Signing;

/// <summary>How the signing pages show times: in the summit's zone, with the zone named.</summary>
public static class SigningView
{
    /// <summary>In the language being spoken (the request's or a letter's), the summit's clock.</summary>
    public static string InZone(Data.Summits.Summit summit, DateTime utc) =>
        $"{summit.ToLocal(utc).Said("dddd d MMMM yyyy, HH:mm")} ({summit.TimeZoneId})";

    /// <summary>The statements open for signature (status, window not yet over) that an organisation of the given
    /// sector may endorse, with their final version.</summary>
    public static async Task<IReadOnlyList<(Statement Statement, StatementVersion Final, DeskText? Refusal)>> OpenStatementsAsync(SummitDbContext db,
        Data.Organisations.Sector sector, DateTime nowUtc, CancellationToken ct)
    {
        var statements = await db.Statements.AsNoTracking().Include(s => s.Summit)
            .Where(s => s.Status == StatementStatus.OpenForSignature || (s.Status == StatementStatus.Published && s.LateEndorsements)
                || (s.Standing && (s.Status == StatementStatus.Closed || s.Status == StatementStatus.Published)))
            .OrderBy(s => s.SigningClosesUtc).ToListAsync(ct);
        var result = new List<(Statement, StatementVersion, DeskText?)>();
        foreach (var s in statements)
        {
            var final = s.FinalVersionId is { } id ? await db.StatementVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) : null;
            if (final is null) continue;
            var audiences = EndorsementDesk.AudiencesOf(final);
            // A statement that does not speak to the sector is not offered at all.
            if (!Statement.SpeaksTo(audiences, sector)) continue;
            result.Add((s, final, s.RefuseEndorsement(sector, audiences, nowUtc)));
        }
        return result;
    }
}
