using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class StatementTranslationConfiguration : IEntityTypeConfiguration<StatementTranslation>
{
    public void Configure(EntityTypeBuilder<StatementTranslation> e)
    {
        // Two organisers saving a translation into one language at once cannot both write number N.
        e.HasIndex(t => new { t.StatementId, t.Language, t.Number }).IsUnique();
        e.HasIndex(t => t.StatementVersionId);
        e.Property(t => t.Language).HasMaxLength(Languages.InterfaceLanguages.CodeMaxLength);
        e.Property(t => t.ContentHash).HasMaxLength(64).IsFixedLength();
        e.Property(t => t.AuthorUserId).HasMaxLength(450);
        e.Property(t => t.AuthorName).HasMaxLength(256);
        e.HasOne<Statement>().WithMany().HasForeignKey(t => t.StatementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StatementVersion>().WithMany().HasForeignKey(t => t.StatementVersionId).OnDelete(DeleteBehavior.NoAction);
    }
}
