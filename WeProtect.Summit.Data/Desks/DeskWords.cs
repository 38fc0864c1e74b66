using WeProtect.Summit.Data.Registrations;
using WeProtect.Summit.Data.Statements;
using WeProtect.Summit.Data.Summits;

namespace WeProtect.Summit.Data.Desks;

/// <summary>The parts of desk sentences that depend on a category, a status or a decision. A label goes in as the
/// label's own key in lower case (<see cref="DeskText.LowerFirst"/>); a status or a decision is said by a sentence of
/// its own for each value, since other languages make the word agree with what it describes.</summary>
public static class DeskWords
{
    /// <summary>"no delegate place left": a category inside a sentence.</summary>
    public static DeskText Category(DelegateCategory category) => DeskText.LowerFirst(category.DisplayName());

    /// <summary>"Ana Lima's registration is pending".</summary>
    public static DeskText RegistrationIs(string name, RegistrationStatus status) => status switch
    {
        RegistrationStatus.Pending => (DeskText)$"{name}'s registration is pending",
        RegistrationStatus.Approved => (DeskText)$"{name}'s registration is approved",
        RegistrationStatus.Waitlisted => (DeskText)$"{name}'s registration is waitlisted",
        RegistrationStatus.Rejected => (DeskText)$"{name}'s registration is rejected",
        _ => (DeskText)$"{name}'s registration is cancelled",
    };

    /// <summary>"it cannot be approved."</summary>
    public static DeskText CannotBe(RegistrationStatus decision) => decision switch
    {
        RegistrationStatus.Approved => (DeskText)"it cannot be approved.",
        RegistrationStatus.Waitlisted => (DeskText)"it cannot be waitlisted.",
        _ => (DeskText)"it cannot be rejected.",
    };

    /// <summary>"3 approved." after a decision on several registrations.</summary>
    public static DeskText Decided(int count, RegistrationStatus decision) => decision switch
    {
        RegistrationStatus.Approved => (DeskText)$"{count} approved.",
        RegistrationStatus.Waitlisted => (DeskText)$"{count} waitlisted.",
        _ => (DeskText)$"{count} rejected.",
    };

    /// <summary>"Ana Lima: approved." after a decision on one.</summary>
    public static DeskText Decided(string name, RegistrationStatus decision) => decision switch
    {
        RegistrationStatus.Approved => (DeskText)$"{name}: approved.",
        RegistrationStatus.Waitlisted => (DeskText)$"{name}: waitlisted.",
        _ => (DeskText)$"{name}: rejected.",
    };

    /// <summary>"The statement is in consultation" (the sentence goes on after a colon).</summary>
    public static DeskText StatementIs(StatementStatus status) => status switch
    {
        StatementStatus.Draft => (DeskText)"The statement is a draft",
        StatementStatus.Consultation => (DeskText)"The statement is in consultation",
        StatementStatus.Final => (DeskText)"The statement is final",
        StatementStatus.OpenForSignature => (DeskText)"The statement is open for signature",
        StatementStatus.Closed => (DeskText)"The statement is closed",
        _ => (DeskText)"The statement is published",
    };

    /// <summary>"The statement is now in consultation."</summary>
    public static DeskText StatementIsNow(StatementStatus status) => status switch
    {
        StatementStatus.Draft => (DeskText)"The statement is now a draft.",
        StatementStatus.Consultation => (DeskText)"The statement is now in consultation.",
        StatementStatus.Final => (DeskText)"The statement is now final.",
        StatementStatus.OpenForSignature => (DeskText)"The statement is now open for signature.",
        StatementStatus.Closed => (DeskText)"The statement is now closed.",
        _ => (DeskText)"The statement is now published.",
    };

    /// <summary>"The summit is open" (the sentence goes on after a colon).</summary>
    public static DeskText SummitIs(SummitStatus status) => status switch
    {
        SummitStatus.Draft => (DeskText)"The summit is a draft",
        SummitStatus.Open => (DeskText)"The summit is open",
        SummitStatus.Closed => (DeskText)"The summit is closed",
        _ => (DeskText)"The summit is archived",
    };
}
