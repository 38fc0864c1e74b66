using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> e)
    {
        e.Property(t => t.Name).HasMaxLength(Room.NameMaxLength);
        e.Property(t => t.Colour).HasMaxLength(7);
        e.Property(t => t.NameKey).HasMaxLength(Room.NameMaxLength);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => new { t.SummitId, t.NameKey }).IsUnique();
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(t => t.SummitId).OnDelete(DeleteBehavior.Cascade);
    }
}
