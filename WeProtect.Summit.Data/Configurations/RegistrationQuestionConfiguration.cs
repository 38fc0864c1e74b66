using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WeProtect.Summit.Data.Questions;

namespace WeProtect.Summit.Data.Configurations;

internal sealed class RegistrationQuestionConfiguration : IEntityTypeConfiguration<RegistrationQuestion>
{
    public void Configure(EntityTypeBuilder<RegistrationQuestion> e)
    {
        e.HasIndex(q => new { q.SummitId, q.Form, q.Position });
        e.Property(q => q.Label).HasMaxLength(RegistrationQuestion.LabelMaxLength);
        e.Property(q => q.Help).HasMaxLength(RegistrationQuestion.HelpMaxLength);
        e.Property(q => q.ChoicesText).HasMaxLength(RegistrationQuestion.ChoicesMaxLength);
        e.Property(q => q.Version).IsConcurrencyToken();
        e.Ignore(q => q.Choices);
        e.Ignore(q => q.IsRetired);
        e.Ignore(q => q.HasChoices);
        e.HasOne<Summits.Summit>().WithMany().HasForeignKey(q => q.SummitId).OnDelete(DeleteBehavior.Restrict);
    }
}
