using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> e)
    {
        e.Property(r => r.Name).HasMaxLength(Room.NameMaxLength);
        e.Property(r => r.Notes).HasMaxLength(1000);
        e.HasIndex(r => new { r.SummitId, r.Name }).IsUnique();
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(r => r.SummitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> e)
    {
        e.Property(t => t.Name).HasMaxLength(Room.NameMaxLength);
        e.Property(t => t.Colour).HasMaxLength(7);
        e.HasIndex(t => new { t.SummitId, t.Name }).IsUnique();
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(t => t.SummitId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> e)
    {
        // One booking per delegate per breakout; a cancelled one is reused if they book again.
        e.HasIndex(b => new { b.BreakoutId, b.RegistrationId }).IsUnique();
        e.HasIndex(b => new { b.BreakoutId, b.Status, b.RequestedUtc });
        e.HasIndex(b => new { b.RegistrationId, b.Status });
        e.Property(b => b.Version).IsConcurrencyToken();
        e.HasOne(b => b.Breakout).WithMany().HasForeignKey(b => b.BreakoutId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(b => b.Registration).WithMany().HasForeignKey(b => b.RegistrationId).OnDelete(DeleteBehavior.Restrict);
    }
}
