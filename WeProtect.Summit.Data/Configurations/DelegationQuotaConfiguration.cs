using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class DelegationQuotaConfiguration : IEntityTypeConfiguration<DelegationQuota>
{
    public void Configure(EntityTypeBuilder<DelegationQuota> e)
    {
        e.HasIndex(q => new { q.SummitId, q.OrganisationId }).IsUnique();
        e.Property(q => q.Version).IsConcurrencyToken();
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(q => q.SummitId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(q => q.Organisation).WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
