using Hangfire;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Hands work to Hangfire after the commit that saved it. The row is the truth and its sweep enqueues whatever
/// was not handed over, so a queue that cannot take the job now (its storage's connections all in use under a burst)
/// must not turn a request whose work is saved into an error page that says nothing was saved.</summary>
public sealed class HandOver(IBackgroundJobClient jobs, ILogger<HandOver> logger)
{
    public void Enqueue<TJob>(System.Linq.Expressions.Expression<Func<TJob, Task>> job, string what, long id)
    {
        try
        {
            jobs.Enqueue(job);
        }
        catch (BackgroundJobClientException ex)
        {
            logger.LogWarning(ex, "{What} {Id} is saved but was not queued now; the sweep will queue it", what, id);
        }
    }
}
