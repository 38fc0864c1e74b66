using Hangfire;
using WeProtect.Summit.Data.Accreditations;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Hands an approved visa letter to Hangfire (after the commit that approved it).</summary>
public sealed class HangfireVisaLetterQueue(IBackgroundJobClient jobs) : IVisaLetterQueue
{
    public void Enqueue(int visaLetterId) => jobs.Enqueue<VisaLetterJob>(job => job.IssueAsync(visaLetterId, CancellationToken.None));
}
