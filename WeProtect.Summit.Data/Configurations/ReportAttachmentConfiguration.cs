using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> e)
    {
        e.Property(a => a.FileName).HasMaxLength(ReportAttachment.FileNameMaxLength);
        e.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        e.Property(a => a.CreatedByUserId).HasMaxLength(450);
        e.HasIndex(a => a.ReportId);
        e.HasOne(a => a.Content).WithOne().HasForeignKey<ReportAttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
