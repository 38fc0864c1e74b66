using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Communiques;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class CommuniqueTranslationConfiguration : IEntityTypeConfiguration<CommuniqueTranslation>
{
    public void Configure(EntityTypeBuilder<CommuniqueTranslation> e)
    {
        e.Property(x => x.Language).HasMaxLength(Languages.InterfaceLanguages.CodeMaxLength);
        e.Property(x => x.ContentHash).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        e.HasOne(x => x.Communique).WithMany().HasForeignKey(x => x.CommuniqueId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StatementTranslation>().WithMany().HasForeignKey(x => x.StatementTranslationId).OnDelete(DeleteBehavior.NoAction);
        // One PDF per language per revision, whatever runs twice.
        e.HasIndex(x => new { x.CommuniqueId, x.Language }).IsUnique();
        e.HasIndex(x => x.Sha256);
    }
}
