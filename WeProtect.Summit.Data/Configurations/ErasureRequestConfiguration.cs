using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Accounts;
using WeProtect.Summit.Data.Retention;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> e)
    {
        e.Property(r => r.UserId).HasMaxLength(450);
        e.Property(r => r.CarriedOutByUserId).HasMaxLength(450);
        e.HasIndex(r => r.UserId);
        e.HasOne<SummitUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
