using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Throttling;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class AllowanceConfiguration : IEntityTypeConfiguration<Allowance>
{
    public void Configure(EntityTypeBuilder<Allowance> e)
    {
        // One row per partition: two nodes inserting the first use of an allowance at once cannot both succeed.
        e.HasKey(a => a.Key);
        e.Property(a => a.Key).HasMaxLength(64).IsUnicode(false);
        // The hourly sweep forgets windows that have ended.
        e.HasIndex(a => a.WindowEndsUtc);
    }
}
