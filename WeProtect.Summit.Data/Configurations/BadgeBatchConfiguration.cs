using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class BadgeBatchConfiguration : IEntityTypeConfiguration<BadgeBatch>
{
    public void Configure(EntityTypeBuilder<BadgeBatch> e)
    {
        e.HasIndex(b => new { b.SummitId, b.CreatedUtc });
        e.Property(b => b.PrintedBy).HasMaxLength(200);
        e.Property(b => b.Layout).HasConversion<string>().HasMaxLength(20);
        e.Property(b => b.Reason).HasMaxLength(BadgeBatch.ReasonMaxLength);
        e.HasOne(b => b.Summit).WithMany().HasForeignKey(b => b.SummitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(b => b.Prints).WithOne(p => p.Batch).HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(b => b.IsReprint);
    }
}
