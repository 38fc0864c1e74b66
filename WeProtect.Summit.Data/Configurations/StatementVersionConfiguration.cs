using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class StatementVersionConfiguration : IEntityTypeConfiguration<StatementVersion>
{
    public void Configure(EntityTypeBuilder<StatementVersion> e)
    {
        // Two editors saving at once cannot both write version N.
        e.HasIndex(v => new { v.StatementId, v.Number }).IsUnique();
        e.Property(v => v.ContentHash).HasMaxLength(64).IsFixedLength();
        e.Property(v => v.AuthorUserId).HasMaxLength(450);
        e.Property(v => v.AuthorName).HasMaxLength(256);
        e.Property(v => v.ChangeNote).HasMaxLength(1000);
    }
}
