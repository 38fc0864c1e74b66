using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ProgressEntryConfiguration : IEntityTypeConfiguration<ProgressEntry>
{
    public void Configure(EntityTypeBuilder<ProgressEntry> e)
    {
        e.Property(x => x.Anchor).HasMaxLength(100);
        e.Property(x => x.Narrative).HasMaxLength(ProgressEntry.NarrativeMaxLength);
        e.Property(x => x.EvidenceLinks).HasMaxLength((ProgressEntry.LinkMaxLength + 1) * ProgressEntry.MaxLinks);
        e.Ignore(x => x.Key);
        e.Ignore(x => x.Links);
        e.HasOne<Statements.Statement>().WithMany().HasForeignKey(x => x.StatementId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ReportId, x.StatementId, x.Anchor }).IsUnique();
    }
}
