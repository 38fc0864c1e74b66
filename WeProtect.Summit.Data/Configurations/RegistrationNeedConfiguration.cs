using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class RegistrationNeedConfiguration : IEntityTypeConfiguration<RegistrationNeed>
{
    public void Configure(EntityTypeBuilder<RegistrationNeed> e)
    {
        e.HasIndex(n => new { n.RegistrationId, n.Need }).IsUnique();
        e.HasOne<Registrations.Registration>().WithMany(r => r.Needs).HasForeignKey(n => n.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
