using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class BreakoutConfiguration : IEntityTypeConfiguration<Breakout>
{
    public void Configure(EntityTypeBuilder<Breakout> e)
    {
        e.Property(b => b.Title).HasMaxLength(Breakout.TitleMaxLength);
        e.Property(b => b.Description).HasMaxLength(Breakout.DescriptionMaxLength);
        e.Property(b => b.Version).IsConcurrencyToken();
        e.HasIndex(b => new { b.SummitId, b.StartUtc });
        e.HasOne(b => b.Summit).WithMany().HasForeignKey(b => b.SummitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(b => b.Room).WithMany().HasForeignKey(b => b.RoomId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(b => b.Theme).WithMany().HasForeignKey(b => b.ThemeId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(b => b.FacilitatingOrganisations).WithMany().UsingEntity("BreakoutOrganisation");
        e.HasMany(b => b.Facilitators).WithMany().UsingEntity("BreakoutFacilitator");
    }
}
