using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> e)
    {
        e.Property(a => a.Anchor).HasMaxLength(100);
        e.Property(a => a.ProposedWording).HasMaxLength(Amendment.WordingMaxLength);
        e.Property(a => a.Explanation).HasMaxLength(Amendment.ReasonMaxLength);
        e.Property(a => a.ProposerUserId).HasMaxLength(450);
        e.Property(a => a.ProposerName).HasMaxLength(256);
        e.Property(a => a.OrganisationName).HasMaxLength(Organisations.Organisation.NameMaxLength);
        e.Property(a => a.DecidedByUserId).HasMaxLength(450);
        e.Property(a => a.RejectionReason).HasMaxLength(Amendment.ReasonMaxLength);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasOne<Statement>().WithMany().HasForeignKey(a => a.StatementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StatementVersion>().WithMany().HasForeignKey(a => a.StatementVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.ResultingVersion).WithMany().HasForeignKey(a => a.ResultingVersionId).OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(a => new { a.StatementVersionId, a.Anchor });
        e.HasIndex(a => new { a.StatementId, a.Status });
    }
}
