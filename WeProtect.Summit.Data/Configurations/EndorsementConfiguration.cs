using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> e)
    {
        e.Property(x => x.Declaration).HasMaxLength(Endorsement.DeclarationMaxLength);
        e.Property(x => x.ContentHash).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.SignerUserId).HasMaxLength(450);
        e.Property(x => x.PrintedName).HasMaxLength(Endorsement.PrintedMaxLength);
        e.Property(x => x.PrintedPosition).HasMaxLength(Endorsement.PrintedMaxLength);
        e.Property(x => x.WithdrawnByUserId).HasMaxLength(450);
        e.Property(x => x.WithdrawalReason).HasMaxLength(Endorsement.ReasonMaxLength);
        e.Property(x => x.RecordedFrom).HasMaxLength(Endorsement.SourceMaxLength);
        // Two withdrawals at once: the second finds the row already withdrawn and changes nothing.
        e.Property(x => x.WithdrawnUtc).IsConcurrencyToken();
        e.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Statement>().WithMany().HasForeignKey(x => x.StatementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StatementVersion>().WithMany().HasForeignKey(x => x.StatementVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(x => x.SignerUserId).OnDelete(DeleteBehavior.Restrict);
        // The rule that matters most: at most one live endorsement per organisation per statement, whatever races.
        e.HasIndex(x => new { x.StatementId, x.OrganisationId }).IsUnique().HasFilter(IndexFilters.IsNull(nameof(Endorsement.WithdrawnUtc)));
    }
}
