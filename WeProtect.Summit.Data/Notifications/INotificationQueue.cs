namespace WeProtect.Summit.Data.Notifications;

/// <summary>Hands saved notifications to the background jobs that send them. Called after the transaction that
/// wrote them commits; if the hand-over is lost, the recurring sweep finds them in the database.</summary>
public interface INotificationQueue
{
    void Enqueue(long notificationId);
}
