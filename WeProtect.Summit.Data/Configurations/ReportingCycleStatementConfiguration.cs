using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Reporting;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class ReportingCycleStatementConfiguration : IEntityTypeConfiguration<ReportingCycleStatement>
{
    public void Configure(EntityTypeBuilder<ReportingCycleStatement> e)
    {
        e.HasKey(s => new { s.CycleId, s.StatementId });
        e.HasOne<Statements.Statement>().WithMany().HasForeignKey(s => s.StatementId).OnDelete(DeleteBehavior.Restrict);
    }
}
