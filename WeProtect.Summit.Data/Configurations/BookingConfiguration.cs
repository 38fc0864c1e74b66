using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Breakouts;

namespace WeProtect.Summit.Data.Configurations;

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
