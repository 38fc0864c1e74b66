using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> e)
    {
        e.Property(s => s.Title).HasMaxLength(Statement.TitleMaxLength);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasOne(s => s.Summit).WithMany().HasForeignKey(s => s.SummitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.StatementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StatementVersion>().WithMany().HasForeignKey(s => s.FinalVersionId).OnDelete(DeleteBehavior.NoAction);
        e.Ignore(s => s.Latest);
        e.HasIndex(s => s.SummitId);
    }
}

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
