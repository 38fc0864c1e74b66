using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

// Index filters are written without identifier quotes so that the same SQL reads on SQLite and SQL Server.

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
