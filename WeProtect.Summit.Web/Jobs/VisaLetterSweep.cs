using Hangfire;
using WeProtect.Summit.Data.Accreditations;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Enqueues every visa letter the database says is due (approved and due, or generating with a lease run
/// out): at start-up (the in-memory queue forgets jobs on restart) and every minute.</summary>
public sealed class VisaLetterSweep(SummitDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "visa-letter-sweep";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.VisaLetters.Where(VisaLetter.IsDue(now)).OrderBy(v => v.Id).Select(v => v.Id).Take(1000).ToListAsync(ct);
        foreach (var id in ids) jobs.Enqueue<VisaLetterJob>(job => job.IssueAsync(id, CancellationToken.None));
        return ids.Count;
    }
}
