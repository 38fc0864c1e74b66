using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class SummitRetentionConfiguration : IEntityTypeConfiguration<SummitRetention>
{
    public void Configure(EntityTypeBuilder<SummitRetention> e)
    {
        e.HasKey(r => r.SummitId);
        e.Property(r => r.SummitId).ValueGeneratedNever();
        e.Property(r => r.ExtensionReason).HasMaxLength(SummitRetention.ReasonMaxLength);
        e.Property(r => r.ExtendedByUserId).HasMaxLength(450);
        e.HasOne<Summits.Summit>().WithOne().HasForeignKey<SummitRetention>(r => r.SummitId).OnDelete(DeleteBehavior.Cascade);
    }
}
