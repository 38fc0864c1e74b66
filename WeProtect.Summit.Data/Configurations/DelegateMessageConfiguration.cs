using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Messages;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class DelegateMessageConfiguration : IEntityTypeConfiguration<DelegateMessage>
{
    public void Configure(EntityTypeBuilder<DelegateMessage> e)
    {
        e.HasIndex(m => m.Key).IsUnique();
        e.HasIndex(m => new { m.SummitId, m.CreatedUtc });
        // One live standard reminder of each kind per summit: two organisers scheduling it at once schedule it once.
        e.HasIndex(m => new { m.SummitId, m.Reminder }).IsUnique()
            .HasFilter(IndexFilters.All(IndexFilters.IsNotNull(nameof(DelegateMessage.Reminder)), IndexFilters.IsNull(nameof(DelegateMessage.CancelledUtc))));
        e.Property(m => m.Subject).HasMaxLength(DelegateMessage.SubjectMaxLength);
        e.Property(m => m.Body).HasMaxLength(DelegateMessage.BodyMaxLength);
        e.Property(m => m.Audience).HasMaxLength(DelegateMessage.AudienceMaxLength);
        e.Property(m => m.CreatedByUserId).HasMaxLength(450);
        e.Property(m => m.CreatedByName).HasMaxLength(200);
        e.Property(m => m.Filter).HasMaxLength(DelegateMessage.FilterMaxLength);
        e.Property(m => m.Reminder).HasMaxLength(40);
        e.Property(m => m.Language).HasMaxLength(Languages.InterfaceLanguages.CodeMaxLength);
        e.Property(m => m.CancelledByName).HasMaxLength(200);
        // The sweep looks for due, unsent scheduled messages.
        e.HasIndex(m => new { m.SentUtc, m.ScheduledForUtc });
        e.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.MessageId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(m => m.Versions).HasField("versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(m => m.SummitId).OnDelete(DeleteBehavior.Restrict);
    }
}
