using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Organisations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class SummitUserConfiguration : IEntityTypeConfiguration<SummitUser>
{
    public void Configure(EntityTypeBuilder<SummitUser> e)
    {
        e.Property(u => u.FullName).HasMaxLength(SummitUser.FullNameMaxLength);
        e.Property(u => u.Position).HasMaxLength(SummitUser.PositionMaxLength);
        e.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
