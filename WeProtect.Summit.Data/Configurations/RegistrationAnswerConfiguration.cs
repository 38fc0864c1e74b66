using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class RegistrationAnswerConfiguration : IEntityTypeConfiguration<RegistrationAnswer>
{
    public void Configure(EntityTypeBuilder<RegistrationAnswer> e)
    {
        // One answer per question per registration.
        e.HasIndex(a => new { a.RegistrationId, a.QuestionId }).IsUnique();
        e.HasIndex(a => a.QuestionId);
        e.Property(a => a.Value).HasMaxLength(RegistrationAnswer.ValueMaxLength);
        e.HasOne<Registrations.Registration>().WithMany(r => r.Answers).HasForeignKey(a => a.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // A question with answers is retired, never deleted.
        e.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
