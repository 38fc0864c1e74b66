using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Accreditations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class VisaLetterSettingsConfiguration : IEntityTypeConfiguration<VisaLetterSettings>
{
    public void Configure(EntityTypeBuilder<VisaLetterSettings> e)
    {
        e.HasKey(s => s.SummitId);
        e.Property(s => s.SummitId).ValueGeneratedNever();
        e.Property(s => s.HostWording).HasMaxLength(VisaLetterSettings.WordingMaxLength);
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(s => s.SummitId).OnDelete(DeleteBehavior.Restrict);
    }
}
