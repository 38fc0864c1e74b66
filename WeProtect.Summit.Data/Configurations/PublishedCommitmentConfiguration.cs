using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class PublishedCommitmentConfiguration : IEntityTypeConfiguration<PublishedCommitment>
{
    public void Configure(EntityTypeBuilder<PublishedCommitment> e)
    {
        // Read by cycle in reading order (the key), or one commitment by its anchor (the commitment page).
        e.HasKey(c => new { c.CycleId, c.Position });
        e.HasIndex(c => new { c.CycleId, c.StatementId, c.Anchor }).IsUnique();
        e.Property(c => c.Anchor).HasMaxLength(100);
        e.Ignore(c => c.Counts);
        e.Ignore(c => c.Reported);
        e.Ignore(c => c.Counted);
        e.HasOne<ReportingCycle>().WithMany().HasForeignKey(c => c.CycleId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Statements.Statement>().WithMany().HasForeignKey(c => c.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}
