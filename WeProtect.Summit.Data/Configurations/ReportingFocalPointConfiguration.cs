using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ReportingFocalPointConfiguration : IEntityTypeConfiguration<ReportingFocalPoint>
{
    public void Configure(EntityTypeBuilder<ReportingFocalPoint> e)
    {
        e.Property(f => f.UserId).HasMaxLength(450);
        e.Property(f => f.GrantedByUserId).HasMaxLength(450);
        e.Property(f => f.RevokedByUserId).HasMaxLength(450);
        e.Property(f => f.RevocationReason).HasMaxLength(ReportingFocalPoint.ReasonMaxLength);
        e.HasOne(f => f.Organisation).WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Restrict);
        // One live grant per person and organisation; revoked grants stay as history.
        e.HasIndex(f => new { f.OrganisationId, f.UserId }).IsUnique().HasFilter(IndexFilters.IsNull(nameof(ReportingFocalPoint.RevokedUtc)));
        e.HasIndex(f => f.UserId);
    }
}
