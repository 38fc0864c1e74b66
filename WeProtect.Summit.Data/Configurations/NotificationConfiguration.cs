using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Notifications.Notification> e)
    {
        e.Property(n => n.Kind).HasMaxLength(64);
        e.Property(n => n.LastError).HasMaxLength(1000);
        e.Property(n => n.RecipientUserId).HasMaxLength(450);
        e.HasIndex(n => new { n.SentUtc, n.FailedUtc });
        // The letters about one thing (Notification.About): whether a statement's consultation notices went, a delegate's letters.
        e.HasIndex(n => new { n.Kind, n.SubjectId });
        // A letter sent again has one copy waiting at most: a double click, or two organisers at once, send it once.
        e.HasIndex(n => n.ResendOf).IsUnique()
            .HasFilter(IndexFilters.All(IndexFilters.IsNotNull(nameof(Notifications.Notification.ResendOf)),
                IndexFilters.IsNull(nameof(Notifications.Notification.SentUtc)), IndexFilters.IsNull(nameof(Notifications.Notification.FailedUtc))));
    }
}
