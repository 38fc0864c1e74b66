using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Materials;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> e)
    {
        e.Property(m => m.Title).HasMaxLength(Material.TitleMaxLength);
        e.Property(m => m.FileName).HasMaxLength(Material.FileNameMaxLength);
        e.Property(m => m.Type).HasConversion<string>().HasMaxLength(10);
        e.Property(m => m.Visibility).HasConversion<string>().HasMaxLength(20);
        e.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength();
        e.Property(m => m.CreatedByUserId).HasMaxLength(450);
        e.HasIndex(m => new { m.SummitId, m.BreakoutId });
        e.HasOne(m => m.Summit).WithMany().HasForeignKey(m => m.SummitId).OnDelete(DeleteBehavior.Restrict);
        // A breakout is never deleted (cancelled ones stay); should one be, its documents go to the summit as a whole.
        e.HasOne(m => m.Breakout).WithMany().HasForeignKey(m => m.BreakoutId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(m => m.Content).WithOne().HasForeignKey<MaterialContent>(c => c.MaterialId).OnDelete(DeleteBehavior.Cascade);
    }
}
