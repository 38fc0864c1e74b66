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
        // One open request per account: asking twice at once (a double click) records one request.
        e.HasIndex(r => r.UserId).IsUnique().HasFilter(IndexFilters.IsNull(nameof(ErasureRequest.CarriedOutUtc)));
        e.HasOne<SummitUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
