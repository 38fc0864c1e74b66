using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Audit;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.HasIndex(a => a.Sequence).IsUnique();
        // A record's history (a delegate's, a communiqué's evidence) is read by its subject.
        e.HasIndex(a => new { a.SubjectType, a.SubjectId });
        e.Property(a => a.ActorUserId).HasMaxLength(450);
        e.Property(a => a.ActorName).HasMaxLength(256);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.SubjectType).HasMaxLength(64);
        e.Property(a => a.SubjectId).HasMaxLength(128);
        e.Property(a => a.Summary).HasMaxLength(1000);
        e.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
        e.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        e.Property(a => a.MacKeyId).HasMaxLength(64);
        e.Property(a => a.Mac).HasMaxLength(64);
    }
}
