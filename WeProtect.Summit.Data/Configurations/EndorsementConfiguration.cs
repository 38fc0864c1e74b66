using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class SigningAuthorityConfiguration : IEntityTypeConfiguration<SigningAuthority>
{
    public void Configure(EntityTypeBuilder<SigningAuthority> e)
    {
        e.Property(a => a.UserId).HasMaxLength(450);
        e.Property(a => a.EvidenceReference).HasMaxLength(SigningAuthority.EvidenceMaxLength);
        e.Property(a => a.GrantedByUserId).HasMaxLength(450);
        e.Property(a => a.RevokedByUserId).HasMaxLength(450);
        e.Property(a => a.RevocationReason).HasMaxLength(SigningAuthority.ReasonMaxLength);
        e.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Accounts.SummitUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        // One live grant per person and organisation; revoked grants stay as history.
        e.HasIndex(a => new { a.OrganisationId, a.UserId }).IsUnique().HasFilter(IndexFilters.IsNull(nameof(SigningAuthority.RevokedUtc)));
        e.HasIndex(a => a.UserId);
    }
}

internal sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> e)
    {
        e.Property(x => x.ContentHash).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.SignerUserId).HasMaxLength(450);
        e.Property(x => x.PrintedName).HasMaxLength(Endorsement.PrintedMaxLength);
        e.Property(x => x.PrintedPosition).HasMaxLength(Endorsement.PrintedMaxLength);
        e.Property(x => x.WithdrawnByUserId).HasMaxLength(450);
        e.Property(x => x.WithdrawalReason).HasMaxLength(Endorsement.ReasonMaxLength);
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
