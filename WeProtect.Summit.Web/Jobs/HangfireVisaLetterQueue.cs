using WeProtect.Summit.Data.Accreditations;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Hands an approved visa letter to Hangfire (after the commit that approved it).</summary>
public sealed class HangfireVisaLetterQueue(HandOver handOver) : IVisaLetterQueue
{
    public void Enqueue(int visaLetterId) =>
        handOver.Enqueue<VisaLetterJob>(job => job.IssueAsync(visaLetterId, CancellationToken.None), "Visa letter", visaLetterId);
}
