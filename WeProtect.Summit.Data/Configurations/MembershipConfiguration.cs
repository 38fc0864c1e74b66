using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> e)
    {
        e.Property(m => m.RecordedByUserId).HasMaxLength(450);
        e.Property(m => m.LeavingReason).HasMaxLength(Membership.ReasonMaxLength);
        e.Property(m => m.CorrectionReason).HasMaxLength(Membership.ReasonMaxLength);
        e.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // At most one open period per organisation: two organisers recording the same joining at once record it once.
        e.HasIndex(m => m.OrganisationId).IsUnique().HasFilter(IndexFilters.IsNull(nameof(Membership.LeftOn)));
        e.HasIndex(m => new { m.JoinedOn, m.LeftOn });
    }
}
