using WeProtect.Summit.Data.Organisations;
using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Vocabulary;

namespace WeProtect.Summit.Tests.Vocabulary;

/// <summary>The one vocabulary (<see cref="Words"/>): every value people read has its words, the plurals exist,
/// and status sentences are grammatical.</summary>
public class VocabularyTests
{
    /// <summary>Enums of the data model that people never read (internal states of the code).</summary>
    private static readonly Type[] Internal =
    [
        typeof(Data.Desks.DeskAnswer), typeof(Data.Desks.DeskRefusal), typeof(PreambleBlockKind), typeof(BadgeDesk.CheckInOutcome),
    ];

    [Fact]
    public void Every_value_of_every_user_facing_enum_has_its_user_facing_name()
    {
        var missing = Words.UserFacing.SelectMany(type => Enum.GetValues(type).Cast<Enum>())
            .Where(value => !Words.Has(value)).Select(value => $"{value.GetType().Name}.{value}").ToList();
        Assert.True(missing.Count == 0, "No user-facing name for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_public_enum_of_the_model_is_either_user_facing_or_named_internal()
    {
        var enums = typeof(Data.SummitDbContext).Assembly.GetTypes().Where(t => t.IsEnum && t.IsVisible);
        var undecided = enums.Except(Words.UserFacing).Except(Internal).Select(t => t.FullName).ToList();
        Assert.True(undecided.Count == 0, "Add these enums to Words.UserFacing (with their names) or to the internal list here: " + string.Join(", ", undecided));
    }

    [Fact]
    public void Names_are_words_not_code_identifiers()
    {
        foreach (var value in Words.UserFacing.SelectMany(type => Enum.GetValues(type).Cast<Enum>()))
        {
            var name = typeof(Words).GetMethod(nameof(Words.Name))!.MakeGenericMethod(value.GetType()).Invoke(null, [value]) as string;
            Assert.False(string.IsNullOrWhiteSpace(name), $"{value.GetType().Name}.{value}");
            // "OpenForSignature", "HeadOfDelegation": an identifier shown as it is would have a capital inside a word.
            // (Brand names spelt with an inner capital are the exception.)
            Assert.DoesNotMatch(@"\p{Ll}\p{Lu}", name!.Replace("PowerPoint", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Sectors_and_categories_have_a_singular_and_a_plural()
    {
        Assert.Equal(["Government", "International organisation", "Private sector", "Civil society"], Enum.GetValues<Sector>().Select(s => s.Name()));
        Assert.Equal(["Governments", "International organisations", "Private sector", "Civil society"], Enum.GetValues<Sector>().Select(s => s.Plural()));
        Assert.Equal("Heads of delegation", DelegateCategory.HeadOfDelegation.Plural());
        Assert.All(Enum.GetValues<DelegateCategory>(), c => Assert.False(string.IsNullOrWhiteSpace(c.Plural())));
        // The older helpers read the same words.
        Assert.All(Enum.GetValues<Sector>(), s => Assert.Equal((s.Name(), s.Plural()), (s.DisplayName(), s.Heading())));
        Assert.All(Enum.GetValues<DelegateCategory>(), c => Assert.Equal(c.Name(), c.DisplayName()));
        Assert.Equal(("Administrator", "Organiser"), (Words.RoleName(Roles.Admin), Words.RoleName(Roles.Organiser)));
    }

    [Theory]
    [InlineData(StatementStatus.Draft, "The statement is now a draft.")]
    [InlineData(StatementStatus.Consultation, "The statement is now in consultation.")]
    [InlineData(StatementStatus.Final, "The statement is now final.")]
    [InlineData(StatementStatus.OpenForSignature, "The statement is now open for signature.")]
    [InlineData(StatementStatus.Closed, "The statement is now closed.")]
    [InlineData(StatementStatus.Published, "The statement is now published.")]
    public void Status_sentences_are_grammatical(StatementStatus status, string sentence) =>
        Assert.Equal(sentence, $"The statement is now {status.InSentence()}.");

    [Fact]
    public void A_refused_step_is_worded_with_the_vocabulary()
    {
        var statement = new Statement { Title = "T", SummitId = 1 };
        var refusal = statement.MoveTo(StatementStatus.Published);
        Assert.Equal("A statement that is a draft cannot move to “Published”.", refusal);
    }
}
