using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ReportingCycleConfiguration : IEntityTypeConfiguration<ReportingCycle>
{
    public void Configure(EntityTypeBuilder<ReportingCycle> e)
    {
        e.Property(c => c.Title).HasMaxLength(ReportingCycle.TitleMaxLength);
        e.Property(c => c.CreatedByUserId).HasMaxLength(450);
        e.Property(c => c.PublishedUtc).IsConcurrencyToken();
        e.Ignore(c => c.IsPublished);
        e.HasOne(c => c.Summit).WithMany().HasForeignKey(c => c.SummitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Statements).WithOne().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
