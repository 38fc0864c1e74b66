using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class TravelDetailsConfiguration : IEntityTypeConfiguration<TravelDetails>
{
    public void Configure(EntityTypeBuilder<TravelDetails> e)
    {
        // One travel form per registration.
        e.HasIndex(t => t.RegistrationId).IsUnique();
        e.Property(t => t.ArrivalFlight).HasMaxLength(TravelDetails.FlightMaxLength);
        e.Property(t => t.DepartureFlight).HasMaxLength(TravelDetails.FlightMaxLength);
        e.Property(t => t.Hotel).HasMaxLength(TravelDetails.HotelMaxLength);
        e.HasOne<Registrations.Registration>().WithMany().HasForeignKey(t => t.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
