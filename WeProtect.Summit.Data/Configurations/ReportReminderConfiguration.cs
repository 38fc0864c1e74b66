using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ReportReminderConfiguration : IEntityTypeConfiguration<ReportReminder>
{
    public void Configure(EntityTypeBuilder<ReportReminder> e)
    {
        e.HasOne<ReportingCycle>().WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // Each organisation is reminded once per cycle, however often organisers press the button.
        e.HasIndex(r => new { r.CycleId, r.OrganisationId }).IsUnique();
        e.Property(r => r.Note).HasMaxLength(Notifications.OrganiserNote.MaxLength);
    }
}
