namespace WeProtect.Summit.Data.Messages;

/// <summary>One delegate a message is for; unique per (message, registration), so a message reaches each person once.</summary>
public class DelegateMessageRecipient
{
    public int Id { get; set; }
    public int MessageId { get; set; }
    public DelegateMessage Message { get; set; } = null!;
    public int RegistrationId { get; set; }
    public Registrations.Registration Registration { get; set; } = null!;
    /// <summary>The notification that sends it (its SentUtc says when it went).</summary>
    public long? NotificationId { get; set; }
    public DateTime CreatedUtc { get; set; }
}
