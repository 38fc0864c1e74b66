using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        // One invitation per organisation per summit: inviting again re-addresses it.
        e.HasIndex(i => new { i.SummitId, i.OrganisationId }).IsUnique();
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.HasIndex(i => i.FocalPointUserId);
        e.Property(i => i.Email).HasMaxLength(EmailAddresses.MaxLength);
        e.Property(i => i.NormalisedEmail).HasMaxLength(EmailAddresses.MaxLength);
        e.Property(i => i.TokenSeed).HasMaxLength(100);
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.Property(i => i.CreatedByUserId).HasMaxLength(450);
        e.Property(i => i.FocalPointUserId).HasMaxLength(450);
        e.Property(i => i.ReminderNote).HasMaxLength(Notifications.OrganiserNote.MaxLength);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(i => i.SummitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Statements.Statement>().WithMany().HasForeignKey(i => i.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}
