using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Accreditations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class VisaLetterConfiguration : IEntityTypeConfiguration<VisaLetter>
{
    public void Configure(EntityTypeBuilder<VisaLetter> e)
    {
        // One letter per registration (a refused one is asked for again on the same row).
        e.HasIndex(v => v.RegistrationId).IsUnique();
        e.HasIndex(v => new { v.SummitId, v.Status });
        e.HasIndex(v => v.Sha256);
        e.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.RequestedByUserId).HasMaxLength(450);
        e.Property(v => v.DecidedByUserId).HasMaxLength(450);
        e.Property(v => v.RefusalReason).HasMaxLength(VisaLetter.ReasonMaxLength);
        e.Property(v => v.LastError).HasMaxLength(500);
        e.Property(v => v.Sha256).HasMaxLength(64);
        e.Property(v => v.CertificateThumbprint).HasMaxLength(64);
        e.Property(v => v.Version).IsConcurrencyToken();
        e.HasOne<Registrations.Registration>().WithMany().HasForeignKey(v => v.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(v => v.SummitId).OnDelete(DeleteBehavior.Restrict);
    }
}
