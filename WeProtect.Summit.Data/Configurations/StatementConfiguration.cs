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

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> e)
    {
        e.Property(a => a.Anchor).HasMaxLength(100);
        e.Property(a => a.ProposedWording).HasMaxLength(Amendment.WordingMaxLength);
        e.Property(a => a.Explanation).HasMaxLength(Amendment.ReasonMaxLength);
        e.Property(a => a.ProposerUserId).HasMaxLength(450);
        e.Property(a => a.ProposerName).HasMaxLength(256);
        e.Property(a => a.OrganisationName).HasMaxLength(Organisations.Organisation.NameMaxLength);
        e.Property(a => a.DecidedByUserId).HasMaxLength(450);
        e.Property(a => a.RejectionReason).HasMaxLength(Amendment.ReasonMaxLength);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasOne<Statement>().WithMany().HasForeignKey(a => a.StatementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StatementVersion>().WithMany().HasForeignKey(a => a.StatementVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.ResultingVersion).WithMany().HasForeignKey(a => a.ResultingVersionId).OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(a => new { a.StatementVersionId, a.Anchor });
        e.HasIndex(a => new { a.StatementId, a.Status });
    }
}
