using System.Security.Cryptography;
using Hangfire;
using WeProtect.Summit.Data.Audit;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Geography;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Web.Pdf;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Enqueues every communiqué the database says is due: queued ones whose next attempt time has come, and
/// generating ones whose job died (lease run out, see <see cref="JobSettings"/>). Runs at start-up (the
/// in-memory queue of the embedded default forgets jobs on restart) and every minute.</summary>
public sealed class CommuniqueSweep(SummitDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "communique-sweep";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Communiques.Where(Communique.IsDue(now))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(1000).ToListAsync(ct);
        foreach (var id in ids) jobs.Enqueue<CommuniqueJob>(job => job.PublishAsync(id, CancellationToken.None));
        return ids.Count;
    }
}
