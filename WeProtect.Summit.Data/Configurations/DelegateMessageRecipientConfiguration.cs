using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Messages;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class DelegateMessageRecipientConfiguration : IEntityTypeConfiguration<DelegateMessageRecipient>
{
    public void Configure(EntityTypeBuilder<DelegateMessageRecipient> e)
    {
        // Each delegate once per message, whatever happens to the send.
        e.HasIndex(r => new { r.MessageId, r.RegistrationId }).IsUnique();
        e.HasIndex(r => r.RegistrationId);
        e.HasOne(r => r.Message).WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Registration).WithMany().HasForeignKey(r => r.RegistrationId).OnDelete(DeleteBehavior.Restrict);
    }
}
