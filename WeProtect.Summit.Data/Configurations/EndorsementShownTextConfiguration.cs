using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Endorsements;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class EndorsementShownTextConfiguration : IEntityTypeConfiguration<EndorsementShownText>
{
    public void Configure(EntityTypeBuilder<EndorsementShownText> e)
    {
        e.Property(x => x.Language).HasMaxLength(Languages.InterfaceLanguages.CodeMaxLength);
        e.Property(x => x.ContentHash).HasMaxLength(64).IsFixedLength();
        e.HasOne(x => x.Endorsement).WithMany().HasForeignKey(x => x.EndorsementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StatementTranslation>().WithMany().HasForeignKey(x => x.StatementTranslationId).OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(x => new { x.EndorsementId, x.Language }).IsUnique();
    }
}
