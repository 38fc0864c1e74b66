using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class BadgePrintConfiguration : IEntityTypeConfiguration<BadgePrint>
{
    public void Configure(EntityTypeBuilder<BadgePrint> e)
    {
        e.HasIndex(p => new { p.BatchId, p.RegistrationId }).IsUnique();
        e.HasIndex(p => p.RegistrationId);
        e.HasIndex(p => p.FirstPrintOf).IsUnique().HasFilter(IndexFilters.IsNotNull(nameof(BadgePrint.FirstPrintOf)));
        e.HasOne(p => p.Registration).WithMany().HasForeignKey(p => p.RegistrationId).OnDelete(DeleteBehavior.Restrict);
    }
}
