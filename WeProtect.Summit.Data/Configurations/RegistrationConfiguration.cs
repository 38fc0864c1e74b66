using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> e)
    {
        // One registration per person per summit, whatever the code path.
        e.HasIndex(r => new { r.SummitId, r.UserId }).IsUnique();
        e.HasIndex(r => r.BadgeCode).IsUnique();
        e.HasIndex(r => r.CalendarToken).IsUnique();
        e.Property(r => r.CalendarToken).HasMaxLength(32);
        e.HasIndex(r => new { r.SummitId, r.Status, r.WaitlistedUtc });
        e.Property(r => r.BadgeCode).HasMaxLength(32);
        e.Property(r => r.FullName).HasMaxLength(Registration.TextMaxLength);
        e.Property(r => r.Position).HasMaxLength(Registration.TextMaxLength);
        e.Property(r => r.AccessNeeds).HasMaxLength(Registration.AccessNeedsMaxLength);
        e.Property(r => r.DecisionReason).HasMaxLength(Registration.ReasonMaxLength);
        e.Property(r => r.ProposedOrganisationName).HasMaxLength(Organisations.Organisation.NameMaxLength);
        e.Property(r => r.ProposedCountryCode).HasMaxLength(2);
        e.Property(r => r.DecidedByUserId).HasMaxLength(450);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne(r => r.Summit).WithMany().HasForeignKey(r => r.SummitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(r => r.OrganisationName);
        e.Ignore(r => r.Protocol);
        e.Property(r => r.Title).HasMaxLength(Invitations.ProtocolDetails.TextMaxLength);
        e.Property(r => r.Honorific).HasMaxLength(Invitations.ProtocolDetails.TextMaxLength);
        // One registration per nomination.
        e.HasIndex(r => r.NominationId).IsUnique().HasFilter(IndexFilters.IsNotNull(nameof(Registration.NominationId)));
        e.HasOne<Invitations.Nomination>().WithMany().HasForeignKey(r => r.NominationId).OnDelete(DeleteBehavior.Restrict);
    }
}
