using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Messages;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class DelegateMessageVersionConfiguration : IEntityTypeConfiguration<DelegateMessageVersion>
{
    public void Configure(EntityTypeBuilder<DelegateMessageVersion> e)
    {
        // One text per language: a delegate never has two to choose from.
        e.HasIndex(v => new { v.MessageId, v.Language }).IsUnique();
        e.Property(v => v.Language).HasMaxLength(Languages.InterfaceLanguages.CodeMaxLength);
        e.Property(v => v.Subject).HasMaxLength(DelegateMessage.SubjectMaxLength);
        e.Property(v => v.Body).HasMaxLength(DelegateMessage.BodyMaxLength);
    }
}
