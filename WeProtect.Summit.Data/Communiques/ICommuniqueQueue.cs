namespace WeProtect.Summit.Data.Communiques;

/// <summary>Starts the background job that renders, signs and publishes a queued communiqué (Hangfire in the app).</summary>
public interface ICommuniqueQueue
{
    void Enqueue(int communiqueId);
}
