using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Communiques;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class CommuniqueConfiguration : IEntityTypeConfiguration<Communique>
{
    public void Configure(EntityTypeBuilder<Communique> e)
    {
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.RequestedByUserId).HasMaxLength(450);
        e.Property(c => c.LastError).HasMaxLength(2000);
        e.Property(c => c.Sha256).HasMaxLength(64).IsFixedLength();
        e.Property(c => c.ContentHash).HasMaxLength(64).IsFixedLength();
        e.Property(c => c.CertificateThumbprint).HasMaxLength(64);
        e.Property(c => c.CertificateSubject).HasMaxLength(500);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasOne(c => c.Statement).WithMany().HasForeignKey(c => c.StatementId).OnDelete(DeleteBehavior.Restrict);
        e.Property(c => c.SignatoryListSha256).HasMaxLength(64).IsFixedLength();
        // Publishing twice cannot make two communiqués of one revision.
        e.HasIndex(c => new { c.StatementId, c.Revision }).IsUnique();
        e.HasIndex(c => c.Sha256);
        e.HasIndex(c => c.SignatoryListSha256);
        e.HasIndex(c => c.Status);
    }
}
