namespace WeProtect.Summit.Data.Questions;

/// <summary>One ticked need of a registration (one row each, so that the summary counts them in the database).</summary>
public class RegistrationNeed
{
    public int Id { get; private set; }
    public int RegistrationId { get; private set; }
    public Need Need { get; private set; }

    private RegistrationNeed() { }

    internal static RegistrationNeed Of(Need need) => new() { Need = need };
}
