using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Registrations;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class CheckInStaffConfiguration : IEntityTypeConfiguration<CheckInStaff>
{
    public void Configure(EntityTypeBuilder<CheckInStaff> e)
    {
        e.HasIndex(c => new { c.SummitId, c.UserId }).IsUnique();
        e.Property(c => c.GrantedByUserId).HasMaxLength(450);
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(c => c.SummitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
