using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> e)
    {
        e.Property(r => r.CreatedByUserId).HasMaxLength(450);
        e.Property(r => r.SubmittedByUserId).HasMaxLength(450);
        e.Property(r => r.ContentHash).HasMaxLength(64);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.Ignore(r => r.NarrativesPublic);
        e.Property(r => r.Review).HasConversion<string>().HasMaxLength(40);
        e.Property(r => r.ReviewNote).HasMaxLength(ProgressReport.ReviewNoteMaxLength);
        e.Property(r => r.ReviewedByUserId).HasMaxLength(450);
        e.HasOne<ReportingCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // Submission numbers are unique per organisation and cycle: of two drafts started at once, one is inserted.
        e.HasIndex(r => new { r.CycleId, r.OrganisationId, r.Number }).IsUnique();
        e.HasMany(r => r.Entries).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Attachments).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
