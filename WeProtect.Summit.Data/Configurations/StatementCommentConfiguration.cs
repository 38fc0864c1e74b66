using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class StatementCommentConfiguration : IEntityTypeConfiguration<StatementComment>
{
    public void Configure(EntityTypeBuilder<StatementComment> e)
    {
        e.Property(c => c.Anchor).HasMaxLength(100);
        e.Property(c => c.Text).HasMaxLength(StatementComment.TextMaxLength);
        e.Property(c => c.AuthorUserId).HasMaxLength(450);
        e.Property(c => c.AuthorName).HasMaxLength(256);
        e.Property(c => c.OrganisationName).HasMaxLength(Organisations.Organisation.NameMaxLength);
        e.HasOne<Statement>().WithMany().HasForeignKey(c => c.StatementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StatementVersion>().WithMany().HasForeignKey(c => c.StatementVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.StatementVersionId, c.Anchor });
    }
}
