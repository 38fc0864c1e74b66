using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Accreditations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class AccreditationConfiguration : IEntityTypeConfiguration<Accreditation>
{
    public void Configure(EntityTypeBuilder<Accreditation> e)
    {
        // One accreditation per registration.
        e.HasIndex(a => a.RegistrationId).IsUnique();
        e.Property(a => a.NationalityCode).HasMaxLength(2);
        // Data protection's output for a 20-character number is about 200 characters.
        e.Property(a => a.ProtectedDocumentNumber).HasMaxLength(1000);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasOne<Registrations.Registration>().WithMany().HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(a => a.HasDocument);
        e.Ignore(a => a.IsComplete);
    }
}
