using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class InvitationReminderRoundConfiguration : IEntityTypeConfiguration<InvitationReminderRound>
{
    public void Configure(EntityTypeBuilder<InvitationReminderRound> e)
    {
        // One round per form: the same "Remind" posted twice sends once.
        e.HasIndex(r => r.Key).IsUnique();
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(r => r.SummitId).OnDelete(DeleteBehavior.Restrict);
    }
}
