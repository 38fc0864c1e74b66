using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Vocabulary;

namespace WeProtect.Summit.Data.Desks;

/// <summary>The words a desk puts inside its sentences (a category, a status, a decision), each a key of its own so
/// that the page translates it with the sentence. The translation test asks for every value of these.</summary>
public static class DeskWords
{
    /// <summary>"no delegate place left": a category after "no", in lower case.</summary>
    public static DeskText Category(DelegateCategory category) => category.DisplayName().ToLowerInvariant();

    /// <summary>A registration's status after "is" ("… registration is pending").</summary>
    public static DeskText Status(RegistrationStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A decision on a registration as a past participle ("approved", "waitlisted", "rejected").</summary>
    public static DeskText Decision(RegistrationStatus decision) => Registration.Verb(decision);

    /// <summary>A statement's status after "is" ("The statement is in consultation").</summary>
    public static DeskText StatementStatus(StatementStatus status) => Statement.Describe(status);

    /// <summary><see cref="Words.TwoStepVerificationInSentence"/>, translated like the profile page says it.</summary>
    public static DeskText TwoStepVerification => Words.TwoStepVerificationInSentence;

    /// <summary><see cref="Words.TwoStepVerificationPlace"/>.</summary>
    public static DeskText TwoStepVerificationPlace => Words.TwoStepVerificationPlace;
}
