using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Statements;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> e)
    {
        e.Property(s => s.Title).HasMaxLength(Statement.TitleMaxLength);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.Property(s => s.AuthoritativeLanguage).HasMaxLength(Languages.InterfaceLanguages.CodeMaxLength);
        e.HasOne(s => s.Summit).WithMany().HasForeignKey(s => s.SummitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.StatementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StatementVersion>().WithMany().HasForeignKey(s => s.FinalVersionId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<Statement>().WithMany().HasForeignKey(s => s.ReaffirmsStatementId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(s => s.Latest);
        e.HasIndex(s => s.SummitId);
    }
}
