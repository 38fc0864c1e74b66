using WeProtect.Summit.Data.Communiques;

namespace WeProtect.Summit.Web.Jobs;

/// <summary>Hands a queued communiqué to Hangfire (after the commit that queued it).</summary>
public sealed class HangfireCommuniqueQueue(HandOver handOver) : ICommuniqueQueue
{
    public void Enqueue(int communiqueId) =>
        handOver.Enqueue<CommuniqueJob>(job => job.PublishAsync(communiqueId, CancellationToken.None), "Communiqué", communiqueId);
}
