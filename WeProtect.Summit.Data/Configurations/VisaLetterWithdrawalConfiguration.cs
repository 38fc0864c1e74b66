using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Accreditations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class VisaLetterWithdrawalConfiguration : IEntityTypeConfiguration<VisaLetterWithdrawal>
{
    public void Configure(EntityTypeBuilder<VisaLetterWithdrawal> e)
    {
        e.HasIndex(w => w.Sha256);
        e.HasIndex(w => w.VisaLetterId);
        e.Property(w => w.Sha256).HasMaxLength(64);
        e.Property(w => w.CertificateThumbprint).HasMaxLength(64);
        e.HasOne<VisaLetter>().WithMany().HasForeignKey(w => w.VisaLetterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(w => w.SummitId).OnDelete(DeleteBehavior.Restrict);
    }
}
