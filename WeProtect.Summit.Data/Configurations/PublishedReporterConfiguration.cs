using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class PublishedReporterConfiguration : IEntityTypeConfiguration<PublishedReporter>
{
    public void Configure(EntityTypeBuilder<PublishedReporter> e)
    {
        // Read by cycle (the cycle page, a commitment's narratives) and by organisation (the member page).
        e.HasKey(r => new { r.CycleId, r.OrganisationId });
        e.HasIndex(r => r.OrganisationId);
        e.Ignore(r => r.Positions);
        e.Ignore(r => r.KeptPrivate);
        e.HasOne<ReportingCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ProgressReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
