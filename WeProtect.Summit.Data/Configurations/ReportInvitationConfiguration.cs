using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ReportInvitationConfiguration : IEntityTypeConfiguration<ReportInvitation>
{
    public void Configure(EntityTypeBuilder<ReportInvitation> e)
    {
        e.HasOne<ReportingCycle>().WithMany().HasForeignKey(i => i.CycleId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ReportingFocalPoint>().WithMany().HasForeignKey(i => i.FocalPointId).OnDelete(DeleteBehavior.Restrict);
        // Each focal point is invited once per cycle, whoever queues it first (the desk, a sweep on any node).
        e.HasIndex(i => new { i.CycleId, i.FocalPointId }).IsUnique();
    }
}
