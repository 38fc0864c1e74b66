using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ReportAttachmentContentConfiguration : IEntityTypeConfiguration<ReportAttachmentContent>
{
    public void Configure(EntityTypeBuilder<ReportAttachmentContent> e) => e.HasKey(c => c.AttachmentId);
}
