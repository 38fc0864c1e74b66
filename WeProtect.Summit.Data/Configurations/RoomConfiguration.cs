using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> e)
    {
        e.Property(r => r.Name).HasMaxLength(Room.NameMaxLength);
        e.Property(r => r.Notes).HasMaxLength(1000);
        e.Property(r => r.NameKey).HasMaxLength(Room.NameMaxLength);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasIndex(r => new { r.SummitId, r.NameKey }).IsUnique();
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(r => r.SummitId).OnDelete(DeleteBehavior.Cascade);
    }
}
