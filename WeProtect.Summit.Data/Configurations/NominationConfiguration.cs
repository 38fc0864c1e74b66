using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Invitations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> e)
    {
        // One live nomination per person per summit, whichever organisation nominates them; a withdrawn one frees the address.
        e.HasIndex(n => new { n.SummitId, n.NormalisedEmail }).IsUnique().HasFilter(IndexFilters.IsNull(nameof(Nomination.WithdrawnUtc)));
        e.HasIndex(n => n.TokenHash).IsUnique();
        e.HasIndex(n => n.InvitationId);
        // Completing a nomination (the nominee registers) is an update that holds only while the link, the withdrawal and
        // the completion are as read: an organiser re-addressing or withdrawing it at the same moment wins, never both.
        e.Property(n => n.TokenHash).IsConcurrencyToken();
        e.Property(n => n.WithdrawnUtc).IsConcurrencyToken();
        e.Property(n => n.RegistrationId).IsConcurrencyToken();
        // Protocol edits claim the version the editor opened by a conditional update (InvitationDesk.SetNominationProtocolAsync),
        // not as a concurrency token: a nominee registering at that moment is not refused over a protocol change.
        e.Property(n => n.Email).HasMaxLength(EmailAddresses.MaxLength);
        e.Property(n => n.NormalisedEmail).HasMaxLength(EmailAddresses.MaxLength);
        e.Property(n => n.Title).HasMaxLength(ProtocolDetails.TextMaxLength);
        e.Property(n => n.Honorific).HasMaxLength(ProtocolDetails.TextMaxLength);
        e.Property(n => n.TokenSeed).HasMaxLength(100);
        e.Property(n => n.TokenHash).HasMaxLength(64);
        e.Property(n => n.NominatedByUserId).HasMaxLength(450);
        e.Ignore(n => n.Protocol);
        e.HasOne<Invitation>().WithMany().HasForeignKey(n => n.InvitationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
